"""Alibaba Cloud Model Studio video model prices: the mainland doc page (CNY) and the international
one (USD). `-a paths=a,b` replaces the page paths; VIDEORACE_ALIBABA_PRICING_URL the base (both
paths are then read from that one host, e.g. a mirror or a test server). The mainland host is the
registry row's base URL, the international one its alt_url."""

from __future__ import annotations

from ..registry import get_source
from .base import SnapshotSpider

# label -> (which registry URL: the base or the alt one, path); both hosts are replaced by base_url
# when one is given
PAGES = {
    "mainland_cny": ("live_url", "/zh/model-studio/models"),
    "international_usd": ("alt_url", "/help/en/model-studio/models"),
}


class AlibabaPricingSpider(SnapshotSpider):
    source = "alibaba_pricing"

    def __init__(self, paths: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = [p.strip() for p in paths.split(",")] if paths else [path for _, path in PAGES.values()]
        self.pages = list(zip(PAGES, chosen, strict=False))

    async def start(self):
        row = get_source(self.source)
        stand_in = self.base_url != self.default_base_url
        for label, path in self.pages:
            host = self.base_url if stand_in else getattr(row, PAGES[label][0]).rstrip("/")
            yield self.request(f"{host}{path}", label=label)
