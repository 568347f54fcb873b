import json
from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, get_parser, yahoo

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def fixture() -> dict:
    return json.loads((FIXTURES / "yahoo_chart_U_synthetic.json").read_text())


def body(doc: dict) -> bytes:
    return json.dumps(doc).encode()


def test_registered():
    assert get_parser("yahoo") is yahoo
    assert yahoo.CLI_FIELDS == ("ticker", "date", "open", "high", "low", "close", "volume")


def test_fixture_dates_in_new_york_and_rounding():
    records = yahoo.parse(body(fixture()), where="yahoo U")
    assert [r["date"] for r in records] == ["2026-01-28", "2026-01-29", "2026-01-30", "2026-02-02"]
    assert records[2] == {
        "ticker": "U",
        "date": "2026-01-30",
        "open": 37.9,
        "high": 38.03,
        "low": 27.54,
        "close": 29.1,
        "volume": 86859900,
    }


def test_nulls_stay_null():
    last = yahoo.parse(body(fixture()))[-1]
    assert last["close"] is None and last["volume"] is None and last["open"] == 30.26


def test_local_date_differs_from_utc_date():
    doc = fixture()
    meta = doc["chart"]["result"][0]["meta"]
    meta.update(symbol="0700.HK", exchangeTimezoneName="Asia/Hong_Kong", gmtoffset=28800)
    # 2026-01-29 00:00 in Hong Kong is 2026-01-28 16:00 UTC
    doc["chart"]["result"][0]["timestamp"] = [1769616000, 1769702400, 1769788800, 1770048000]
    records = yahoo.parse(body(doc))
    assert [r["date"] for r in records] == ["2026-01-29", "2026-01-30", "2026-01-31", "2026-02-03"]
    assert records[0]["ticker"] == "0700.HK"


def test_ticker_option_when_meta_has_no_symbol():
    doc = fixture()
    del doc["chart"]["result"][0]["meta"]["symbol"]
    assert yahoo.parse(body(doc), ticker="U")[0]["ticker"] == "U"
    del doc["chart"]["result"][0]["meta"]["exchangeTimezoneName"]
    assert yahoo.parse(body(doc), ticker="U")[2]["date"] == "2026-01-30"  # gmtoffset fallback


def broken(change) -> bytes:
    doc = fixture()
    change(doc)
    return body(doc)


def _set(path, value):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _delete(path):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


R0 = ("chart", "result", 0)


@pytest.mark.parametrize(
    "payload, options, reason",
    [
        (b"", {}, "empty body"),
        (CHALLENGE, {}, "challenge"),
        (b'{"chart": {"result": [{"meta": {"symbol": "U"}, "timestamp": [17696', {}, "invalid JSON"),
        (
            b'{"chart": {"result": null, "error": {"code": "Not Found", "description": "No data found, symbol may '
            b'be delisted"}}}',
            {},
            "chart.error: No data found, symbol may be delisted",
        ),
        (b'{"finance": {"result": null}}', {}, "no 'chart' object"),
        (b'{"chart": {"result": [], "error": null}}', {}, "chart.result is empty"),
        (broken(_delete((*R0, "timestamp"))), {}, "no 'timestamp' array"),
        (broken(_delete((*R0, "indicators", "quote", 0, "close"))), {}, "indicators.quote[0].close is missing"),
        (broken(_set((*R0, "indicators", "quote", 0, "open"), [1.0])), {}, "has 1 values for 4 timestamps"),
        (broken(_delete((*R0, "meta", "symbol"))), {}, "pass --ticker"),
        (broken(_set((*R0, "meta", "exchangeTimezoneName"), "Mars/Olympus")), {}, "unknown exchangeTimezoneName"),
        (broken(_set((*R0, "indicators", "quote", 0, "volume"), ["x", 1, 2, 3])), {}, "not a number"),
    ],
)
def test_errors_name_source_and_input(payload, options, reason):
    with pytest.raises(ParseError) as info:
        yahoo.parse(payload, where="snapshot yahoo/U.json", **options)
    message = str(info.value)
    assert "yahoo" in message and "snapshot yahoo/U.json" in message and reason in message
