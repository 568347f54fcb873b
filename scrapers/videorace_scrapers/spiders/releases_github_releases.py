"""GitHub REST releases of the open-weight video repos: /repos/{owner}/{repo}/releases?per_page=100,
following the Link rel="next" header. One repository, one page at a time, so that each answer's
X-RateLimit-Remaining decides whether to ask again: at 0 the spider stops, and reports every repo it
did not ask for with the reset time (X-RateLimit-Reset) instead of hammering a closed door.

An optional GITHUB_TOKEN raises the limit from 60 to 5,000 requests an hour. It is read here from
the environment on purpose (as the fal and EPO spiders do): the spider runs in its own `scrapy crawl`
process, a token passed with -a/-s would show in process listings and Scrapy's logged arguments, and
spiders cannot import the pipeline's config. The token is sent only to the base URL's host.
VIDEORACE_GITHUB_RELEASES_URL replaces the base; `-a repos=a/b,c/d` the list.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from ..items import FailureItem
from ..registry import repos
from .base import SnapshotSpider

REPOS = tuple(repos("github_releases"))  # warehouse/seeds/source_repos.csv
_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?([^",;]+)"?')


def next_link(header: bytes | str | None) -> str | None:
    """The rel="next" URL of an RFC 8288 Link header (GitHub and Hugging Face pagination)."""
    if not header:
        return None
    text = header.decode("latin-1") if isinstance(header, bytes) else header
    for url, rels in _LINK.findall(text):
        if "next" in rels.split():
            return url
    return None


def same_host(url: str, base_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(base_url)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def header_text(response, name: str) -> str | None:
    value = response.headers.get(name.encode()) if response is not None else None
    return value.decode("latin-1").strip() if value else None


class GithubReleasesSpider(SnapshotSpider):
    source = "github_releases"
    # api.github.com is an API host governed by GitHub's API terms and rate limits, which this spider
    # honours; its robots.txt is written for page crawlers.
    custom_settings = {"ROBOTSTXT_OBEY": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}

    def __init__(self, repos: str | None = None, max_pages: str = "10", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending = [r.strip() for r in repos.split(",") if r.strip()] if repos else list(REPOS)
        self.max_pages = max(1, int(max_pages))

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        token = self.settings.get("GITHUB_TOKEN") or os.environ.get("GITHUB_TOKEN")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def _page(self, url: str, repo: str, page: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.keep_page,
            errback=self.failed_page,
            headers=self._headers(),
            cb_kwargs={"label": repo, "page": page},
            dont_filter=True,
        )

    def _next_repo(self):
        if self.pending:
            repo = self.pending.pop(0)
            yield self._page(f"{self.base_url}/repos/{repo}/releases?per_page=100", repo, 1)

    async def start(self):
        for request in self._next_repo():
            yield request

    def keep_page(self, response, label: str = "", page: int = 1):
        yield from self.keep(response, label=label)
        if header_text(response, "X-RateLimit-Remaining") == "0":
            yield from self._stop(response)
            return
        url = next_link(response.headers.get(b"Link"))
        if url and page < self.max_pages and same_host(url, self.base_url):
            yield self._page(url, label, page + 1)
            return
        if url and not same_host(url, self.base_url):
            yield FailureItem(source=self.source, url=url, reason="next page on another host: not followed")
        elif url:
            self.logger.warning("%s: %s has more than %d pages; stopping there", self.source, label, self.max_pages)
        yield from self._next_repo()

    def failed_page(self, failure):
        yield from self.failed(failure)
        response = failure.value.response if failure.check(HttpError) else None
        if header_text(response, "X-RateLimit-Remaining") == "0":
            yield from self._stop(response)
            return
        yield from self._next_repo()

    def _stop(self, response):
        reset = header_text(response, "X-RateLimit-Reset")
        when = (
            datetime.fromtimestamp(int(reset), UTC).isoformat(timespec="seconds")
            if reset and reset.isdigit()
            else "an unknown time"
        )
        self.logger.warning(
            "%s: GitHub rate limit reached; %d repos not asked, limit resets at %s",
            self.source,
            len(self.pending),
            when,
        )
        for repo in self.pending:
            yield FailureItem(
                source=self.source,
                url=f"{self.base_url}/repos/{repo}/releases?per_page=100",
                reason=f"skipped: GitHub rate limit reached (X-RateLimit-Remaining 0), resets at {when}",
            )
        self.pending = []
