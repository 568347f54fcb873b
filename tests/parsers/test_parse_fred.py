from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, fred, get_parser

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
NAME = "FRED_DEXCHUS_2025-01-01_to_2026-09-18.csv"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def recording(dirs: tuple[str, ...], name: str) -> bytes:
    """A recording from scrapers/recordings/<dir> first, then ../shared/data/recordings/<dir>."""
    for base in (ROOT / "scrapers" / "recordings", SHARED / "recordings"):
        for sub in dirs:
            if (base / sub / name).is_file():
                return (base / sub / name).read_bytes()
    pytest.skip(f"recording {name} absent (scrapers/recordings and ../shared/data/recordings/{dirs[-1]})")


def test_registered():
    assert get_parser("fred") is fred
    assert fred.CLI_FIELDS == ("date", "cny_per_usd")


def test_real_file_values_and_holidays_skipped():
    records = fred.parse(recording(("fred", "fx"), NAME), where=NAME)
    by_date = {r["date"]: r["cny_per_usd"] for r in records}
    assert records[0] == {"date": "2025-01-02", "cny_per_usd": 7.2994}
    assert by_date["2025-01-03"] == 7.3199
    assert records[-1] == {"date": "2026-09-18", "cny_per_usd": 6.6975}
    for holiday in ("2025-01-01", "2025-01-20", "2025-07-04", "2025-11-27"):
        assert holiday not in by_date
    assert len(records) == 430  # 448 data rows, 18 of them holidays without a value
    assert all(isinstance(v, float) for v in by_date.values())


def test_old_header_and_dot_for_missing():
    body = b"DATE,DEXCHUS\r\n2019-01-01,.\r\n2019-01-02,6.8680\r\n"
    assert fred.parse(body) == [{"date": "2019-01-02", "cny_per_usd": 6.868}]


def test_out_of_range_values_are_kept():
    assert fred.parse(b"observation_date,DEXCHUS\n2025-01-02,72.994\n")[0]["cny_per_usd"] == 72.994


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge"),
        (b"observation_date,DEXCHUS\n2025-01-02,7.2994\n2025-01-0", "expected 2 columns"),
        (b"observation_date,DEXCHUS\n2025-01-02,7.2994\n2025-01-0,7.1", "not a date"),
        (b"observation_date,DEXCHUS\n2025-01-02,n/a\n", "not a number"),
        (b"observation_date\n2025-01-02\n", "unexpected header"),
        (b"observation_date,DEXUSEU\n2025-01-02,1.03\n", "unexpected header"),
        (b"observation_date,DEXCHUS\n2025-01-02,7.1,extra\n", "expected 2 columns"),
        (b"observation_date,DEXCHUS\n2025-01-01,\n", "no observations"),
        (b"observation_date,DEXCHUS\n", "no observations"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        fred.parse(body, where="snapshot fx/x.csv")
    message = str(info.value)
    assert "fred" in message and "snapshot fx/x.csv" in message and reason in message
