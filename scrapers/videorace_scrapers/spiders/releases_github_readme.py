"""README.md of the open-weight video repos, whose News sections date their releases.

Live: <base>/<owner>/<repo>/HEAD/README.md (raw file host), one request per repo, labelled
owner/repo (the parser's `repo`). `-a repos=a/b,c/d` replaces the list; VIDEORACE_GITHUB_README_URL
replaces the base.
"""

from __future__ import annotations

from .base import SnapshotSpider

REPOS = (
    "Wan-Video/Wan2.1",
    "Wan-Video/Wan2.2",
    "Tencent-Hunyuan/HunyuanVideo",
    "Tencent-Hunyuan/HunyuanVideo-1.5",
    "THUDM/CogVideo",  # now under zai-org; GitHub redirects the old name
    "Lightricks/LTX-Video",
    "genmoai/mochi",
    "stepfun-ai/Step-Video-T2V",
)


class GithubReadmeSpider(SnapshotSpider):
    name = "releases_github_readme"
    source = "github_readme"
    default_base_url = "https://raw.githubusercontent.com"

    def __init__(self, repos: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.repos = [r.strip() for r in repos.split(",") if r.strip()] if repos else list(REPOS)

    async def start(self):
        for repo in self.repos:
            yield self.request(f"{self.base_url}/{repo}/HEAD/README.md", label=repo)
