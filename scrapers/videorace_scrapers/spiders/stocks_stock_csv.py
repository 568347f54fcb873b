"""Daily price CSVs kept up to date by public GitHub repositories (yfinance / Stooq downloads), the
same files as scrapers/recordings/stock_csv, fetched at the head of each repository. Override the
base with VIDEORACE_STOCK_CSV_URL (paths below are appended to it)."""

from __future__ import annotations

from .base import SnapshotSpider

_FINANCEALERTS = "Stell0/financealerts2/HEAD/data"
_BULL_BEAR = "laimanto/bull-bear-monitor/HEAD/data"

# label (ticker) -> <owner>/<repo>/<ref>/<path>
FILES = {
    **{t: f"{_FINANCEALERTS}/{t}.csv" for t in ("U", "RBLX", "TTWO", "GOOGL", "APP", "ADBE", "BIDU", "KC",
                                                 "PDD", "JD", "NTES", "EA")},
    "SPY": "DrRobAnthony/market-data/HEAD/data/SPY.csv",
    "HSI": f"{_BULL_BEAR}/hsi.csv",
    "0700.HK": f"{_BULL_BEAR}/hk0700.csv",
    "9988.HK": f"{_BULL_BEAR}/hk9988.csv",
    "1024.HK": "Koi-west/stock-predictor/HEAD/data/1024.HK.csv",
}


class StockCsvSpider(SnapshotSpider):
    name = "stocks_stock_csv"
    source = "stock_csv"
    default_base_url = "https://raw.githubusercontent.com"

    def __init__(self, tickers: str = "", *args, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = [t.strip() for t in tickers.split(",") if t.strip()]
        self.files = {t: FILES[t] for t in wanted} if wanted else FILES

    async def start(self):
        for label, path in self.files.items():
            yield self.request(f"{self.base_url}/{path}", label=label)
