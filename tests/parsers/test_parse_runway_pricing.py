from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, get_parser, runway_pricing

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "reference"
DOC = REFERENCE / "pricing" / "runwayml_skills_rw-api-reference_SKILL.md"
CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>"
HEADER = "| Model | Endpoint | Input | Cost (credits/sec) |\n|-------|----------|-------|---------------------|\n"


def doc() -> bytes:
    if not DOC.is_file():
        pytest.skip("../shared/data/reference absent: Runway API reference not found")
    return DOC.read_bytes()


def test_registered():
    assert get_parser("runway_pricing") is runway_pricing
    assert runway_pricing.CLI_FIELDS == ("model", "credits_per_second", "price_usd_per_second")


def test_real_reference_credits():
    records = runway_pricing.parse(doc(), where=DOC.name, usd_per_credit=0.01)  # the unit_prices.csv row
    by_model = {r["model"]: r for r in records}
    assert list(by_model) == [
        "gen4.5",
        "gen4_turbo",
        "gen4_aleph",
        "act_two",
        "veo3",
        "veo3.1",
        "veo3.1_fast",
        "seedance2",
    ]
    assert {m: r["credits_per_second"] for m, r in by_model.items()} == {
        "gen4.5": 12,
        "gen4_turbo": 5,
        "gen4_aleph": 15,
        "act_two": 5,
        "veo3": 40,
        "veo3.1": 20,
        "veo3.1_fast": 10,
        "seedance2": 36,
    }
    gen45 = by_model["gen4.5"]
    assert gen45["price_usd_per_second"] == 0.12 and gen45["usd_per_credit"] == 0.01
    assert gen45["unit"] == "credits per second" and gen45["notes"].startswith("| `gen4.5` |")
    assert by_model["seedance2"]["price_usd_per_second"] == 0.36
    veo31 = by_model["veo3.1"]  # "20-40": both ends kept
    assert (veo31["credits_per_second_max"], veo31["price_usd_per_second"], veo31["price_usd_per_second_max"]) == (
        40,
        0.2,
        0.4,
    )
    assert by_model["veo3.1_fast"]["credits_per_second_max"] == 15
    # per-image and audio prices are not credits per second
    assert "gen4_image" not in by_model and "eleven_multilingual_v2" not in by_model


def test_prose_line():
    body = b"# Pricing\n\n- `gen4_turbo` costs 5 credits per second of video.\n- `gen3a_turbo`: 5-10 credits/sec\n"
    records = runway_pricing.parse(body)
    assert [(r["model"], r["credits_per_second"], r["credits_per_second_max"]) for r in records] == [
        ("gen4_turbo", 5, 5),
        ("gen3a_turbo", 5, 10),
    ]
    assert records[0]["notes"] == "- `gen4_turbo` costs 5 credits per second of video."
    # the reference does not say what a credit costs: without the seeded value, no USD is made up
    assert (records[0]["usd_per_credit"], records[0]["price_usd_per_second"]) == (None, None)


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (CHALLENGE, "challenge"),
        (
            b"# Runway API\n\n| Model | Endpoint | Cost (credits) |\n|---|---|---|\n| `gen4_image` | x | 5 |\n",
            "no model priced in credits per second",
        ),
        ((HEADER + "| `gen4.5` | `POST /v1/text_to_video` | Text | varies |\n").encode(), "cannot read"),
        ((HEADER + "| `gen4.5` | `POST /v1/text_to_video` | 12 |\n").encode(), "3 cells under a 4-column header"),
        ((HEADER + "| `gen4.5` | `POST /v1/text_").encode(), "cells under a 4-column header"),  # truncated
        ((HEADER.replace("Model", "Name")).encode(), "no model priced"),
    ],
)
def test_errors_name_source_and_input(body, reason):
    with pytest.raises(ParseError) as info:
        runway_pricing.parse(body, where="snapshot runway/SKILL.md")
    message = str(info.value)
    assert "runway_pricing" in message and "snapshot runway/SKILL.md" in message and reason in message
