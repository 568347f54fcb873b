from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, ecb, get_parser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def test_registered():
    assert get_parser("ecb") is ecb
    assert ecb.CLI_FIELDS == ("date", "currency", "per_eur")


def test_daily_file_every_currency():
    records = ecb.parse((FIXTURES / "ecb_eurofxref_daily_synthetic.xml").read_bytes(), where="daily")
    assert [r["currency"] for r in records] == ["USD", "JPY", "CNY", "HKD"]
    assert records[0] == {"date": "2025-01-03", "currency": "USD", "per_eur": 1.0321}
    assert {r["date"] for r in records} == {"2025-01-03"}


def test_hist_file_several_days():
    records = ecb.parse((FIXTURES / "ecb_eurofxref_hist_synthetic.xml").read_bytes(), where="hist")
    assert len(records) == 6
    assert {"date": "2024-12-31", "currency": "CNY", "per_eur": 7.5833} in records
    assert [r["date"] for r in records][::2] == ["2025-01-03", "2025-01-02", "2024-12-31"]


def test_namespace_agnostic():
    body = b'<Envelope><Cube><Cube time="2025-01-02"><Cube currency="USD" rate="1.0321"/></Cube></Cube></Envelope>'
    assert ecb.parse(body) == [{"date": "2025-01-02", "currency": "USD", "per_eur": 1.0321}]


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (b"   \n", "empty body"),
        (CHALLENGE, "challenge"),
        (b'<?xml version="1.0"?><gesmes:Envelope xmlns:gesmes="x"><Cube><Cube time="2025-01-03">', "invalid XML"),
        (b"<Envelope><Cube></Cube></Envelope>", "no Cube elements with a time"),
        (b'<Envelope><Cube><Cube time="2025-01-03"></Cube></Cube></Envelope>', "no currency rates"),
        (
            b'<Envelope><Cube><Cube time="03/01/2025"><Cube currency="USD" rate="1"/></Cube></Cube></Envelope>',
            "not a date",
        ),
        (b'<Envelope><Cube><Cube time="2025-01-03"><Cube currency="USD"/></Cube></Cube></Envelope>', "no valid rate"),
        (
            b'<Envelope><Cube><Cube time="2025-01-03"><Cube currency="USD" rate="abc"/></Cube></Cube></Envelope>',
            "not a number",
        ),
        (b'<Envelope><Cube><Cube time="2025-01-03"><Cube rate="1.1"/></Cube></Cube></Envelope>', "no currency"),
        (b'{"rates": {"USD": 1.03}}', "invalid XML"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        ecb.parse(body, where="snapshot ecb/daily.xml")
    message = str(info.value)
    assert "ecb" in message and "snapshot ecb/daily.xml" in message and reason in message
