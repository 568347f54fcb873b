"""The FX and stock spiders: a real crawl of a loopback server serving a recording (no internet),
Retry-After honoured on a 429, and the URLs each spider builds."""

from __future__ import annotations

import asyncio
import csv
import hashlib

import pytest

from pipelines.fetch import fetch_live
from pipelines.sources import get_source
from tests.loopback import LoopbackServer, QuietHandler
from tests.support import PROJECT_ROOT
from videorace_scrapers.parsers import fred
from videorace_scrapers.snapshots import read_snapshot_bytes

ROOT = PROJECT_ROOT
FRED_FILE = ROOT / "scrapers" / "recordings" / "fred" / "FRED_DEXCHUS_2025-01-01_to_2026-09-18.csv"


class _Server(LoopbackServer):
    """A loopback HTTP server answering the FRED path with the recording; `throttle_first` answers
    the first data request with 429 and Retry-After: 1."""

    def __init__(self, body: bytes, throttle_first: bool = False) -> None:
        self.body, self.throttle_first, self.data_hits = body, throttle_first, []
        owner = self

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path == "/robots.txt":
                    self.send_response(404)
                    self.end_headers()
                    return
                owner.data_hits.append(self.path)
                if owner.throttle_first and len(owner.data_hits) == 1:
                    self.send_response(429)
                    self.send_header("Retry-After", "1")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

        super().__init__(Handler)

    def __enter__(self) -> str:
        return super().__enter__().url


def test_fred_spider_crawls_a_loopback_server(tmp_path):
    body = FRED_FILE.read_bytes()
    with _Server(body) as base:
        result = fetch_live(get_source("fred"), tmp_path / "snapshots", base, timeout_s=120)
    assert result.failures == [] and len(result.snapshots) == 1
    snap = result.snapshots[0]
    assert snap.mode == "live" and snap.label == "DEXCHUS" and snap.source == "fred"
    assert snap.url.startswith(f"{base}/graph/fredgraph.csv?id=DEXCHUS&cosd=2025-01-01&coed=")
    assert snap.sha256 == hashlib.sha256(body).hexdigest()
    records = fred.parse(read_snapshot_bytes(snap), where=snap.path)
    assert records[0] == {"date": "2025-01-02", "cny_per_usd": 7.2994}


def test_fred_spider_waits_out_a_429_with_retry_after(tmp_path):
    body = FRED_FILE.read_bytes()
    server = _Server(body, throttle_first=True)
    with server as base:
        result = fetch_live(get_source("fred"), tmp_path / "snapshots", base, timeout_s=120)
    assert len(server.data_hits) == 2  # the 429, then the retry
    assert result.failures == [] and len(result.snapshots) == 1
    assert result.snapshots[0].sha256 == hashlib.sha256(body).hexdigest()


def _urls(spider) -> list[tuple[str, str]]:
    async def collect():
        return [(r.url, r.cb_kwargs["label"]) async for r in spider.start()]

    return asyncio.run(collect())


def test_yahoo_spider_urls_and_polite_but_browser_like_settings():
    from videorace_scrapers.spiders.stocks_yahoo import YahooSpider

    requests = dict((label, url) for url, label in _urls(YahooSpider(base_url="http://127.0.0.1:9")))
    assert requests["HSI"] == "http://127.0.0.1:9/v8/finance/chart/%5EHSI?range=2y&interval=1d"
    assert set(requests) == {"U", "RBLX", "TTWO", "APP", "GOOGL", "SPY", "1024.HK", "0700.HK", "9988.HK", "HSI"}
    assert YahooSpider.custom_settings["USER_AGENT"].startswith("Mozilla/5.0")
    assert YahooSpider.custom_settings["ROBOTSTXT_OBEY"] is False


@pytest.mark.parametrize(
    "module, cls, path",
    [
        ("fx_ecb", "EcbSpider", "/stats/eurofxref/eurofxref-hist-90d.xml"),
    ],
)
def test_ecb_spider_url(module, cls, path):
    import importlib

    spider = getattr(importlib.import_module(f"videorace_scrapers.spiders.{module}"), cls)(
        base_url="http://127.0.0.1:9"
    )
    assert [u for u, _ in _urls(spider)] == [f"http://127.0.0.1:9{path}"]


def test_stock_csv_spider_fetches_the_recorded_files_at_head():
    from videorace_scrapers.spiders.stocks_stock_csv import StockCsvSpider

    live = {(label, url) for url, label in _urls(StockCsvSpider())}
    with (ROOT / "scrapers" / "recordings" / "stock_csv" / "manifest.csv").open(newline="") as handle:
        recorded = {
            (row["label"], f"https://raw.githubusercontent.com/{row['repository']}/HEAD/{row['path']}")
            for row in csv.DictReader(handle)
        }
    assert live == recorded and len(live) == 39  # every recorded (ticker, repository, path), at HEAD


# ---- catch-up: range endpoints ask for the days since the newest stored observation -------------


def test_catchup_start_from_the_newest_stored_day_bounded():
    from datetime import date

    import duckdb

    from pipelines.catchup import catchup_args, catchup_start

    today = date(2026, 12, 2)
    assert catchup_start(date(2026, 9, 18), today, 730) == date(2026, 9, 13)  # 5 days of overlap
    assert catchup_start(None, today, 60) == date(2026, 10, 3)  # nothing stored: the bound
    assert catchup_start(date(2020, 1, 1), today, 60) == date(2026, 10, 3)  # a long gap: the bound
    con = duckdb.connect()
    assert catchup_args(con, "fred", 730, today) == {"start": "2024-12-02"}  # no table yet
    con.execute("CREATE SCHEMA raw; CREATE TABLE raw.raw_stocks__yahoo (ticker VARCHAR, date DATE)")
    con.execute(
        "INSERT INTO raw.raw_stocks__yahoo VALUES ('U', '2026-11-30'), ('SPY', '2026-11-20'), ('SPY', '2026-11-10')"
    )
    assert catchup_args(con, "yahoo", 730, today) == {"start": "2026-11-15"}  # the ticker furthest behind
    assert catchup_args(con, "arena", 730, today) == {}


def test_fred_spider_asks_for_the_catchup_range(tmp_path):
    from datetime import UTC, datetime

    body = FRED_FILE.read_bytes()
    server = _Server(body)
    with server as base:
        result = fetch_live(
            get_source("fred"), tmp_path / "snapshots", base, timeout_s=120, spider_args={"start": "2026-09-13"}
        )
    today = datetime.now(UTC).date().isoformat()
    assert server.data_hits == [f"/graph/fredgraph.csv?id=DEXCHUS&cosd=2026-09-13&coed={today}"]
    assert len(result.snapshots) == 1


def test_yahoo_spider_asks_for_a_period_from_the_catchup_start():
    from videorace_scrapers.spiders.stocks_yahoo import YahooSpider

    requests = dict(
        (label, url) for url, label in _urls(YahooSpider(base_url="http://127.0.0.1:9", start="2026-09-21"))
    )
    assert requests["U"].startswith("http://127.0.0.1:9/v8/finance/chart/U?period1=1789948800&period2=")
    assert requests["U"].endswith("&interval=1d")
