"""README.md of the open-weight video repos, whose News sections date their releases.

Live: <base>/<owner>/<repo>/HEAD/README.md (raw file host), one request per repo, labelled
owner/repo (the parser's `repo`). `-a repos=a/b,c/d` replaces the list; VIDEORACE_GITHUB_README_URL
replaces the base.
"""

from __future__ import annotations

from ..registry import repos
from .base import SnapshotSpider

REPOS = tuple(repos("github_readme"))  # warehouse/seeds/source_repos.csv


class GithubReadmeSpider(SnapshotSpider):
    source = "github_readme"

    def __init__(self, repos: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.repos = [r.strip() for r in repos.split(",") if r.strip()] if repos else list(REPOS)

    async def start(self):
        for repo in self.repos:
            yield self.request(f"{self.base_url}/{repo}/HEAD/README.md", label=repo)
