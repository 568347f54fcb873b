from pathlib import Path

import pytest

from tests.support import reference_path
from videorace_scrapers.parsers import ParseError, fal_pricing, get_parser

SYNTHETIC = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"


def test_registered():
    assert get_parser("fal_pricing") is fal_pricing
    assert fal_pricing.CLI_FIELDS == ("endpoint_id", "unit_price", "unit", "currency")


def test_api_shape_synthetic():
    path = SYNTHETIC / "fal_pricing_api_synthetic.json"
    records = fal_pricing.parse(path.read_bytes(), where=path.name)
    assert [(r["endpoint_id"], r["unit_price"], r["unit"], r["currency"]) for r in records] == [
        ("fal-ai/veo3", 0.4, "second", "USD"),
        ("fal-ai/kling-video/v2.5-turbo/pro/text-to-video", 0.07, "second", "USD"),
        ("fal-ai/wan-25-preview/text-to-video", 0.05, "second", "USD"),
        ("fal-ai/ovi", 0.2, "video", "USD"),
        ("fal-ai/flux/dev", 0.025, "image", "USD"),  # raw is faithful: staging drops non-video units
    ]
    assert {r["shape"] for r in records} == {"api"}


def test_page_shape_synthetic_matches_the_real_transcription():
    """The synthetic page carries the rows of the api-evangelist transcription of fal.ai/pricing;
    where the page states '$x per second' that price wins, '20 seconds per $1' gives 1/20."""
    path = SYNTHETIC / "fal_pricing_page_synthetic.html"
    by_model = {r["endpoint_id"]: r for r in fal_pricing.parse(path.read_bytes(), where=path.name)}
    assert list(by_model) == ["wan-2.5", "kling-2.5-turbo-pro", "veo-3", "ovi"]  # the image row is not video
    assert (by_model["wan-2.5"]["unit_price"], by_model["wan-2.5"]["unit"]) == (0.05, "second")
    assert by_model["kling-2.5-turbo-pro"]["unit_price"] == 0.07
    assert by_model["veo-3"]["unit_price"] == pytest.approx(1 / 3, abs=1e-6)
    assert (by_model["ovi"]["unit_price"], by_model["ovi"]["unit"]) == (0.2, "video")
    # the same figures as the real transcription (reference file, read not copied)
    text = reference_path(
        "samples", "pricing", "fal_pricing_page_transcription_api-evangelist_2026-05-25_video_excerpt.yml"
    ).read_text()
    assert "id: wan-2.5" in text and "price: '0.05'" in text and "20 seconds per $1." in text


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty body"),
        (b"   \n", "empty body"),
        (CHALLENGE, "challenge or block page"),
        (b'{"prices": []}', "empty 'prices' list"),
        (b'{"detail": "Unauthorized"}', "without a 'prices' list"),
        (b'{"prices": [{"endpoint_id": "fal-ai/veo3"}]}', "lacks endpoint_id or unit_price"),
        (b'{"prices": [{"endpoint_id": "x", "unit_price": "cheap"}]}', "is not a number"),
        (
            b"<html><body><table><tr><td>seedream</td><td>$0.03 per image</td></tr></table></body></html>",
            "no video price on the page",
        ),
        (b"<html><body><table><tr><td>wan</td>", "truncated HTML"),
        (b"[1, 2]", "not an object"),
    ],
)
def test_errors_name_source_and_snapshot(body, reason):
    with pytest.raises(ParseError, match=reason) as info:
        fal_pricing.parse(body, where="snapshot var/x.json (sha256 abc)")
    assert str(info.value).startswith("fal_pricing: cannot parse snapshot var/x.json (sha256 abc)")
