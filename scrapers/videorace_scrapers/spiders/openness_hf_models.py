"""Hugging Face Hub models by pipeline tag (text-to-video, image-to-video), most downloaded first:
/api/models?pipeline_tag=<tag>&sort=downloads&direction=-1&limit=100, following the Link
rel="next" header up to `max_pages` pages per tag (default 3: the top 300). Labelled by tag.

An optional HF_TOKEN is read from the environment here on purpose (as the GitHub releases spider
does) and sent only to the base URL's host. VIDEORACE_HF_MODELS_URL replaces the base.
"""

from __future__ import annotations

import os

import scrapy

from ..items import FailureItem
from ..registry import boards
from .base import SnapshotSpider
from .releases_github_releases import next_link, same_host

TAGS = tuple(boards("hf_models", fetched=True))  # pipeline tags: warehouse/seeds/source_boards.csv


class HfModelsSpider(SnapshotSpider):
    source = "hf_models"
    # a documented JSON API for programmatic clients (Hub API terms and rate limits apply, honoured by
    # the shared backoff); robots.txt addresses page crawlers
    custom_settings = {"ROBOTSTXT_OBEY": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}

    def __init__(self, tags: str | None = None, max_pages: str = "3", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tags = [t.strip() for t in tags.split(",") if t.strip()] if tags else list(TAGS)
        self.max_pages = max(1, int(max_pages))

    def _page(self, url: str, tag: str, page: int) -> scrapy.Request:
        headers = {"Accept": "application/json"}
        token = self.settings.get("HF_TOKEN") or os.environ.get("HF_TOKEN")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return scrapy.Request(
            url,
            callback=self.keep_page,
            errback=self.failed,
            headers=headers,
            cb_kwargs={"label": tag, "page": page},
            dont_filter=True,
        )

    async def start(self):
        for tag in self.tags:
            yield self._page(
                f"{self.base_url}/api/models?pipeline_tag={tag}&sort=downloads&direction=-1&limit=100", tag, 1
            )

    def keep_page(self, response, label: str = "", page: int = 1):
        yield from self.keep(response, label=label)
        url = next_link(response.headers.get(b"Link"))
        if url and page < self.max_pages:
            if same_host(url, self.base_url):
                yield self._page(url, label, page + 1)
            else:
                yield FailureItem(source=self.source, url=url, reason="next page on another host: not followed")
