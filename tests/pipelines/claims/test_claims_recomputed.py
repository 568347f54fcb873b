"""Every claim's verdict recomputed on the newest bundled evidence, with the data-through date of
that evidence (the data's own newest date, not the refresh day)."""

from __future__ import annotations

from datetime import date

import pytest

EXPECTED = {
    # claim: (verdict, data_through)
    "C1": ("partly", date(2026, 10, 10)),  # arena.ai boards to 2026-10-10 (AA to 2026-08-01)
    "C2": ("partly", date(2026, 10, 10)),
    "C3": ("partly", date(2026, 11, 20)),  # the newest release date held
    "C4": ("refuted", date(2026, 11, 20)),  # the LiteLLM catalogue of 2026-11-20
    "C5": ("partly", date(2026, 8, 7)),  # the OpenRouter LLM token panel
    "C6": ("partly", date(2023, 12, 31)),  # WIPO 2014-2023
    "C7": ("partly", date(2026, 10, 10)),
    "C8": ("partly", date(2026, 2, 5)),  # Project Genie window, rel_day +5
    "C9": ("insufficient data", date(2026, 10, 10)),
}


@pytest.fixture
def ledger(warehouse_con) -> dict[str, dict]:
    rows = warehouse_con.sql("SELECT * FROM marts.fct_claim_verdicts").pl().to_dicts()
    return {r["claim_id"]: r for r in rows}


def test_each_verdict_and_its_data_through_date(ledger):
    assert {c: (r["verdict"], r["data_through"]) for c, r in ledger.items()} == EXPECTED


def test_c1_google_leads_text_to_video_on_the_newest_day(ledger):
    value = ledger["C1"]["value"]
    assert (
        "arena.ai text-to-video 2026-10-10: #1 gemini-omni-1.1-flash (US); best CN dreamina-seedance-2.0-720p "
        "1479.0 vs best US gemini-omni-1.1-flash 1516.0 — U.S. leads (CIs apart)" in value
    )
    assert "arena.ai image-to-video 2026-10-10: #1 minimax-h3 (CN)" in value and "no clear lead" in value
    assert "Artificial Analysis text-to-video 2026-08-01: #1 Gemini Omni Flash (US)" in value


def test_c4_ten_times_cheaper_is_refuted_like_for_like(ledger):
    value = ledger["C4"]["value"]
    assert (
        "720p: median CN $0.124/s (35 offers, cheapest $0.026) vs US $0.14/s (11, dearest $0.75), US/CN 1.13x" in value
    )
    assert "4 of 385 pairs 10x apart" in value and "0 of 525 pairs 10x apart" in value
    assert "4 of 910 same-resolution pairs are 10x apart" in ledger["C4"]["reason"]


def test_c5_is_measured_against_llm_tokens_labelled(ledger):
    value = ledger["C5"]["value"]
    assert value.startswith(
        "LLM tokens, not video: OpenRouter open-weight share on 2026-08-07 at least 28.7% of all tokens "
        "(cited open weights), 51.8% of classified tokens"
    )
    assert "3 open-weight of 30 top-10 entries" in value
    assert "not a video figure" in ledger["C5"]["reason"]
