"""Yahoo Finance v8 chart JSON, daily bars over two years, for the exposed listings and the two
benchmarks (SPY for U.S. listings, ^HSI for Hong Kong). Override the base with VIDEORACE_YAHOO_URL.

The endpoint is keyless but fragile: it answers non-browser clients with 429, so this spider alone
sends a browser-like User-Agent, one request at a time with a delay; 429s are retried by the shared
BackoffRetryMiddleware, which honours Retry-After.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from urllib.parse import quote

from ..registry import listing_symbols, tickers
from .base import SnapshotSpider

# label (our ticker, warehouse/seeds/source_tickers.csv) -> Yahoo symbol (listings.csv yahoo_symbol)
SYMBOLS = {ticker: listing_symbols()[ticker] for ticker, _ in tickers("yahoo")}


class YahooSpider(SnapshotSpider):
    source = "yahoo"
    custom_settings = {
        "USER_AGENT": (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
        ),
        # query1.finance.yahoo.com is a JSON API host, not a site of pages: its robots.txt is not
        # written for API clients (fetching it with a browser UA tends to draw a 429 that delays
        # every request). We fetch ten documents a day, one at a time, so we do not consult it.
        "ROBOTSTXT_OBEY": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": 2.0,
    }

    def __init__(self, range: str = "2y", start: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.range = range
        # `-a start=YYYY-MM-DD` (the pipeline's catch-up, pipelines/catchup.py): ask Yahoo for the
        # period from that day to now (period1/period2, epoch seconds) instead of a fixed range
        self.start_day = date.fromisoformat(start) if start else None

    def _span(self) -> str:
        if self.start_day is None:
            return f"range={self.range}"
        period1 = int(datetime.combine(self.start_day, time(), UTC).timestamp())
        return f"period1={period1}&period2={int(datetime.now(UTC).timestamp())}"

    async def start(self):
        span = self._span()
        for label, symbol in SYMBOLS.items():
            url = f"{self.base_url}/v8/finance/chart/{quote(symbol, safe='')}?{span}&interval=1d"
            yield self.request(url, label=label, headers={"Accept": "application/json"})
