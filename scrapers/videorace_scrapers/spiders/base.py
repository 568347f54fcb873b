"""Base spider: snapshot every successful response whole; report every final failure.

A spider names only its `source`; its Scrapy `name` (`<family>_<source>`) and `default_base_url`
come from that source's registry row (warehouse/seeds/sources.csv). `-a base_url=...` (the
pipeline passes VIDEORACE_<SOURCE>_URL) replaces the base for a run."""

from __future__ import annotations

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from ..items import FailureItem, SnapshotItem
from ..registry import get_source


class SnapshotSpider(scrapy.Spider):
    source: str = ""
    default_base_url: str = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.source:
            row = get_source(cls.source)
            cls.name = row.spider
            cls.default_base_url = row.live_url

    def __init__(self, base_url: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.base_url = (base_url or self.default_base_url).rstrip("/")

    def request(self, url: str, label: str = "", **kwargs) -> scrapy.Request:
        return scrapy.Request(url, callback=self.keep, errback=self.failed, cb_kwargs={"label": label}, **kwargs)

    def keep(self, response, label: str = ""):
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        yield SnapshotItem(
            source=self.source,
            url=response.url,
            body=response.body,
            status=response.status,
            content_type=ctype,
            label=label,
        )

    def failed(self, failure):
        request = failure.request
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:300]
        self.logger.warning("%s: giving up on %s (%s)", self.source, request.url, reason)
        yield FailureItem(source=self.source, url=request.url, reason=reason)
