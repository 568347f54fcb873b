"""FRED series DEXCHUS (CNY per USD, daily) as one CSV from the public graph endpoint (no key).

Live: <base>/graph/fredgraph.csv?id=DEXCHUS&cosd=<start>&coed=<today UTC>; `-a start=YYYY-MM-DD`
moves the first date (default 2025-01-01). A pipeline run passes the catch-up start (the newest
stored observation minus a few days, bounded: pipelines/catchup.py), so a daily run asks for the
days since the last one, not a fixed range. Override the base with VIDEORACE_FRED_URL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from .base import SnapshotSpider

SERIES = "DEXCHUS"


class FredSpider(SnapshotSpider):
    source = "fred"

    def __init__(self, start: str = "2025-01-01", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_day = date.fromisoformat(start)
        self.end_day = datetime.now(UTC).date()

    async def start(self):
        url = (
            f"{self.base_url}/graph/fredgraph.csv?id={SERIES}"
            f"&cosd={self.start_day.isoformat()}&coed={self.end_day.isoformat()}"
        )
        yield self.request(url, label=SERIES)
