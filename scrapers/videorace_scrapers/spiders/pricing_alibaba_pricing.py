"""Alibaba Cloud Model Studio video model prices: the mainland doc page (CNY) and the international
one (USD). `-a paths=a,b` replaces the page paths; VIDEORACE_ALIBABA_PRICING_URL the base (both
paths are then read from that one host, e.g. a mirror or a test server)."""

from __future__ import annotations

from .base import SnapshotSpider

# label -> (default host, path); the host is replaced by base_url when one is given
PAGES = {
    "mainland_cny": ("https://help.aliyun.com", "/zh/model-studio/models"),
    "international_usd": ("https://www.alibabacloud.com", "/help/en/model-studio/models"),
}


class AlibabaPricingSpider(SnapshotSpider):
    name = "pricing_alibaba_pricing"
    source = "alibaba_pricing"
    default_base_url = ""

    def __init__(self, paths: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = [p.strip() for p in paths.split(",")] if paths else [path for _, path in PAGES.values()]
        self.pages = list(zip(PAGES, chosen, strict=False))

    async def start(self):
        for label, path in self.pages:
            host = self.base_url or PAGES[label][0]
            yield self.request(f"{host}{path}", label=label)
