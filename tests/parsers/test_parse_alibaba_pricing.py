from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, alibaba_pricing, get_parser

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic" / "alibaba_pricing_synthetic.html"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def test_registered():
    assert get_parser("alibaba_pricing") is alibaba_pricing


def test_synthetic_page_cny_and_usd():
    records = alibaba_pricing.parse(FIXTURE.read_bytes(), where=FIXTURE.name)
    rows = [(r["model"], r["resolution"], r["price"], r["currency"], r["section"]) for r in records]
    assert rows == [
        # CNY amounts typed from pricing.csv rows 29-33 (Bailian "Official price")
        ("wan2.5-t2v-preview", "480P", 0.3, "CNY", "中国内地（北京）"),
        ("wan2.5-t2v-preview", "720P", 0.6, "CNY", "中国内地（北京）"),
        ("wan2.5-t2v-preview", "1080P", 1.0, "CNY", "中国内地（北京）"),
        ("wan2.2-t2v-plus", "480P", 0.14, "CNY", "中国内地（北京）"),  # resolution in its own cell
        ("wan2.2-t2v-plus", "1080P", 0.7, "CNY", "中国内地（北京）"),  # rowspan continuation row
        ("wanx2.1-t2v-turbo", None, 0.24, "CNY", "中国内地（北京）"),  # "24 帧/秒", "16 frames/s" are not prices
        ("wan2.5-t2v-preview", "480P", 0.05, "USD", "International (Singapore)"),
        ("wan2.5-t2v-preview", "720P", 0.10, "USD", "International (Singapore)"),
        ("wan2.5-t2v-preview", "1080P", 0.15, "USD", "International (Singapore)"),
    ]
    assert {r["unit"] for r in records} == {"per second"}
    assert records[1]["price_text"] == "480P：0.3元/秒 720P：0.6元/秒 1080P：1元/秒"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge or block page"),
        (b'{"models": []}', "not an HTML page"),
        (b"<html><body><table><tr><td>wan2.5-t2v-preview</td><td>0.6", "truncated HTML"),
        (
            b"<html><body><h2>Images</h2><table><tr><th>Model</th><th>Price</th></tr>"
            b"<tr><td>wan2.5-t2i-preview</td><td>$0.03 per image</td></tr></table></body></html>",
            r"no video price per second in 1 table\(s\)",
        ),
        (b"<html><body><p>no tables</p></body></html>", r"in 0 table\(s\)"),
    ],
)
def test_errors_name_source_and_snapshot(body, reason):
    with pytest.raises(ParseError, match=reason) as info:
        alibaba_pricing.parse(body, where="snapshot var/a.html (sha256 def)")
    assert str(info.value).startswith("alibaba_pricing: cannot parse snapshot var/a.html (sha256 def)")
