from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, gemini_pricing, get_parser

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic" / "gemini_pricing_veo_synthetic.html"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def test_registered():
    assert get_parser("gemini_pricing") is gemini_pricing
    assert gemini_pricing.CLI_FIELDS == ("model", "tier", "price_usd", "unit", "resolution", "audio")


def test_synthetic_page():
    records = gemini_pricing.parse(FIXTURE.read_bytes(), where=FIXTURE.name)
    rows = [(r["model"], r["tier"], r["price_usd"], r["resolution"], r["audio"]) for r in records]
    assert rows == [
        ("Veo 3.1", "Standard", 0.40, "720p/1080p", True),
        ("Veo 3.1", "Standard", 0.60, "4k", True),
        ("Veo 3.1", "Fast", 0.15, "720p/1080p", True),
        ("Veo 3.1", "Fast", 0.35, "4k", True),
        ("Veo 3", "Standard", 0.40, None, True),
        ("Veo 3", "Standard", 0.20, None, False),
        ("Veo 3 Fast", None, 0.15, None, True),
        ("Veo 3 Fast", None, 0.10, None, False),
        ("Veo 2", None, 0.35, None, None),
    ]
    assert {r["unit"] for r in records} == {"per second"}
    assert records[0]["description"] == "Video with audio (720p & 1080p)"
    assert records[0]["price_column"] == "Paid Tier, price per second in USD"
    assert not any("Gemini" in r["model"] or "Imagen" in r["model"] for r in records)


def test_veo_rows_in_a_table_without_veo_heading():
    body = (
        b"<html><body><h2>Video generation</h2><table><tr><th>Model</th><th>Paid</th></tr>"
        b"<tr><td>Veo 3.1 Lite (720p)</td><td>$0.05 per second</td></tr>"
        b"<tr><td>Imagen 4</td><td>$0.04 per image</td></tr></table></body></html>"
    )
    [record] = gemini_pricing.parse(body)
    assert (record["model"], record["tier"], record["price_usd"], record["resolution"], record["unit"]) == (
        "Veo 3.1 Lite (720p)",
        None,
        0.05,
        "720p",
        "per second",
    )


def test_two_prices_in_one_cell():
    body = (
        b"<html><body><h2>Veo 3.1 Fast</h2><table><tr><th></th><th>Paid Tier</th></tr>"
        b"<tr><td>Video with audio</td><td>$0.15 per second (720p, 1080p)<br>$0.35 per second (4k)</td></tr>"
        b"</table></body></html>"
    )
    records = gemini_pricing.parse(body)
    assert [(r["price_usd"], r["resolution"]) for r in records] == [(0.15, "720p/1080p"), (0.35, "4k")]


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge"),
        (b"Veo 3: $0.40 per second", "not an HTML page"),
        (FIXTURE.read_bytes()[:2500], "truncated HTML"),
        (
            b"<html><body><h2>Gemini 2.5 Pro</h2><table><tr><td>Input</td><td>$1.25</td></tr></table></body></html>",
            "no Veo heading",
        ),
        (
            b"<html><body><h2>Veo 3.1</h2><table><tr><th></th><th>Paid</th></tr>"
            b"<tr><td>Video</td><td>Not available</td></tr></table></body></html>",
            "1 Veo heading(s) but",
        ),
        (b"<html><body><h2>Veo 3.1</h2><p>Priced per second, see the console.</p></body></html>", "no Veo price"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        gemini_pricing.parse(body, where="snapshot gemini/pricing.html")
    message = str(info.value)
    assert "gemini_pricing" in message and "snapshot gemini/pricing.html" in message and reason in message
