"""Daily price CSVs kept up to date by public GitHub repositories (yfinance / Stooq downloads), the
same files as scrapers/recordings/stock_csv, fetched at the head of each repository. Override the
base with VIDEORACE_STOCK_CSV_URL (paths below are appended to it)."""

from __future__ import annotations

from .base import SnapshotSpider

_FINANCEALERTS = "Stell0/financealerts2/HEAD/data"
_BULL_BEAR = "laimanto/bull-bear-monitor/HEAD/data"

_ALM = "alm0421/alm0421/HEAD/data/prices"
_KLEVERA = "klevera-lgtm/stockjeokrib/HEAD/data/prices"

# (label = ticker, <owner>/<repo>/<ref>/<path>): one ticker may come from several repositories, each
# its own series (raw, adjusted or mixed; see warehouse/seeds/stock_csv_series.csv)
FILES: list[tuple[str, str]] = [
    *[
        (t, f"{_FINANCEALERTS}/{t}.csv")
        for t in ("U", "RBLX", "TTWO", "GOOGL", "APP", "ADBE", "BIDU", "KC", "PDD", "JD", "NTES", "EA")
    ],
    ("SPY", "DrRobAnthony/market-data/HEAD/data/SPY.csv"),
    ("HSI", f"{_BULL_BEAR}/hsi.csv"),
    ("0700.HK", f"{_BULL_BEAR}/hk0700.csv"),
    ("9988.HK", f"{_BULL_BEAR}/hk9988.csv"),
    ("1024.HK", "Koi-west/stock-predictor/HEAD/data/1024.HK.csv"),
    *[
        (t, f"{_ALM}/{t}.csv")
        for t in ("ADBE", "APP", "BIDU", "EA", "GOOGL", "JD", "KC", "NTES", "PDD", "RBLX", "TTWO", "U")
    ],
    *[(t, f"{_KLEVERA}/{t}.csv") for t in ("ADBE", "APP", "GOOGL", "SPY", "U")],
    *[(t, f"Stell0/financealerts/HEAD/data/{t}.csv") for t in ("META", "MSFT", "NVDA")],
    ("0100.HK", "Koi-west/stock-predictor/HEAD/data/0100.HK.csv"),
    ("2513.HK", "Koi-west/stock-predictor/HEAD/data/2513.HK.csv"),
]


class StockCsvSpider(SnapshotSpider):
    name = "stocks_stock_csv"
    source = "stock_csv"
    default_base_url = "https://raw.githubusercontent.com"

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
