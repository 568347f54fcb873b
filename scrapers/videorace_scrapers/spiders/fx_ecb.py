"""ECB euro reference rates, the last 90 days in one XML file (CNY and USD per EUR give the
CNY-per-USD cross rate used where FRED has no value). Override the base with VIDEORACE_ECB_URL."""

from __future__ import annotations

from .base import SnapshotSpider


class EcbSpider(SnapshotSpider):
    source = "ecb"

    async def start(self):
        yield self.request(f"{self.base_url}/stats/eurofxref/eurofxref-hist-90d.xml", label="eurofxref-hist-90d")
