"""Daily price CSVs kept up to date by public GitHub repositories (yfinance / Stooq downloads), the
same files as scrapers/recordings/stock_csv, fetched at the head of each repository. Override the
base with VIDEORACE_STOCK_CSV_URL (paths below are appended to it)."""

from __future__ import annotations

from ..registry import tickers
from .base import SnapshotSpider

# (label = ticker, <owner>/<repo>/<ref>/<path>) from warehouse/seeds/source_tickers.csv: one ticker may
# come from several repositories, each its own series (raw, adjusted or mixed; see
# warehouse/seeds/stock_csv_series.csv)
FILES: list[tuple[str, str]] = tickers("stock_csv")


class StockCsvSpider(SnapshotSpider):
    source = "stock_csv"

    def __init__(self, tickers: str = "", repositories: str = "", *args, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = [t.strip() for t in tickers.split(",") if t.strip()]
        repos = [r.strip() for r in repositories.split(",") if r.strip()]  # owner/repo
        self.files = [
            (t, p)
            for t, p in FILES
            if (not wanted or t in wanted) and (not repos or any(p.startswith(r + "/") for r in repos))
        ]

    async def start(self):
        for label, path in self.files:
            yield self.request(f"{self.base_url}/{path}", label=label)
