from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, get_parser, stock_csv

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"
ROWS = {
    "U": 404,
    "RBLX": 404,
    "TTWO": 404,
    "GOOGL": 404,
    "APP": 404,
    "ADBE": 404,
    "BIDU": 404,
    "KC": 404,
    "PDD": 404,
    "JD": 404,
    "NTES": 404,
    "EA": 396,
    "SPY": 434,
    "HSI": 404,
    "0700.HK": 406,
    "9988.HK": 406,
    "1024.HK": 303,
}


def recording(dirs: tuple[str, ...], name: str) -> bytes:
    """A recording from scrapers/recordings/<dir> first, then ../shared/data/recordings/<dir>."""
    for base in (ROOT / "scrapers" / "recordings", SHARED / "recordings"):
        for sub in dirs:
            if (base / sub / name).is_file():
                return (base / sub / name).read_bytes()
    pytest.skip(f"recording {name} absent (scrapers/recordings and ../shared/data/recordings/{dirs[-1]})")


def stock(ticker: str) -> list[dict]:
    name = f"{ticker}.csv"
    return stock_csv.parse(recording(("stock_csv", "stocks"), name), where=name, ticker=ticker)


def test_registered():
    assert get_parser("stock_csv") is stock_csv
    assert stock_csv.CLI_FIELDS == ("ticker", "date", "open", "high", "low", "close", "adj_close", "volume", "layout")


NO_ACTIONS = {"adj_close": None, "dividend": None, "split_ratio": None}  # layouts without adj_close / actions


def test_spy_stooq_layout_crlf_float_volume():
    records = stock("SPY")
    assert records[0] == {
        "ticker": "SPY",
        "date": "2025-01-02",
        "open": 578.0342,
        "high": 579.7406,
        "low": 569.3154,
        "close": 573.3757,
        "volume": 50204000,
        **NO_ACTIONS,
        "layout": "ohlcv",
    }
    assert isinstance(records[0]["volume"], int)
    assert records[-1]["date"] == "2026-09-25" and records[-1]["close"] == 771.35


def test_u_pandas_layout_rounds_float32_noise():
    by_date = {r["date"]: r for r in stock("U")}
    day = by_date["2026-01-30"]  # the Project Genie day, -24.2 %
    assert (day["open"], day["high"], day["low"], day["close"], day["volume"]) == (37.9, 38.03, 27.54, 29.1, 86859900)
    assert by_date["2025-01-02"]["close"] == 24.51
    assert "2025-01-09" not in by_date  # national day of mourning: NYSE closed


def test_ea_last_row_keeps_null_prices():
    records = stock("EA")
    assert records[-1] == {
        "ticker": "EA",
        "date": "2026-08-03",
        "open": None,
        "high": None,
        "low": None,
        "close": None,
        "volume": 4398247,
        **NO_ACTIONS,
        "layout": "yfinance",
    }
    assert records[-2]["close"] == 209.86


def test_hk_layouts_by_header():
    tencent = stock("0700.HK")  # Date,Open,High,Low,Close,Volume
    assert tencent[0]["open"] == 408.6304 and tencent[0]["close"] == 407.6505
    hsi = stock("HSI")  # Date,Close,High,Low,Open,Volume
    assert hsi[0]["close"] == 19623.3203 and hsi[0]["open"] == 19932.8008
    assert hsi[0]["volume"] == 4033400000
    assert hsi[-1]["date"] == "2026-08-27" and hsi[-1]["volume"] == 0


@pytest.mark.parametrize("ticker", sorted(ROWS))
def test_every_recording_parses(ticker):
    records = stock(ticker)
    assert len(records) == ROWS[ticker]
    assert records[0]["date"] == "2025-01-02"
    assert all(r["ticker"] == ticker for r in records)
    assert [r["date"] for r in records] == sorted({r["date"] for r in records})


def test_header_case_and_timestamps():
    body = b"DATE,OPEN,HIGH,LOW,CLOSE,VOLUME\n2025-01-02 00:00:00-05:00,1.123456,2,0.5,1.5,10\n"
    assert stock_csv.parse(body, ticker="X") == [
        {
            "ticker": "X",
            "date": "2025-01-02",
            "open": 1.1235,
            "high": 2.0,
            "low": 0.5,
            "close": 1.5,
            "volume": 10,
            **NO_ACTIONS,
            "layout": "ohlcv",
        }
    ]


@pytest.mark.parametrize(
    "body, options, reason",
    [
        (b"date,open,high,low,close,volume\n2025-01-02,1,1,1,1,1\n", {}, "--ticker"),
        (b"", {"ticker": "U"}, "empty body"),
        (CHALLENGE, {"ticker": "U"}, "challenge"),
        (b",Close,High,Low,Open\n2025-01-02,1,1,1,1\n", {"ticker": "U"}, "is not a known layout"),
        (b"Date,Price\n2025-01-02,1\n", {"ticker": "U"}, "is not a known layout"),
        (b",Close,High,Low,Open,Volume\n2025-01-02,1,1,1,1,10\n2025-01-03,1,1", {"ticker": "U"}, "expected 6 columns"),
        (b",Close,High,Low,Open,Volume\nTicker,U,U,U,U,U\n", {"ticker": "U"}, "not a date"),
        (b",Close,High,Low,Open,Volume\n2025-01-02,x,1,1,1,10\n", {"ticker": "U"}, "not a number"),
        (b",Close,High,Low,Open,Volume\n2025-01-02,1,1,1,1,10.5\n", {"ticker": "U"}, "not a whole number"),
        (b",Close,High,Low,Open,Volume\n", {"ticker": "U"}, "no data rows"),
    ],
)
def test_errors_name_source_and_input(body, options, reason):
    with pytest.raises(ParseError) as info:
        stock_csv.parse(body, where="snapshot stocks/U.csv", **options)
    message = str(info.value)
    assert "stock_csv" in message and "snapshot stocks/U.csv" in message and reason in message
