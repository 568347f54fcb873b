"""LiteLLM's price catalogue (the 1.110.2 wheel's JSON): video entries -> USD per second per
resolution, each with the provider's pricing URL."""

from __future__ import annotations

import pytest

from tests.support import RECORDINGS
from videorace_scrapers.parsers import ParseError
from videorace_scrapers.parsers.litellm_pricing import parse, usd_per_second_at

FILE = RECORDINGS / "litellm_pricing" / "model_prices_and_context_window_backup.litellm-1.110.2.json"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return parse(FILE.read_bytes(), where=str(FILE))


def test_veo_3_1_fast_usd_per_second_at_720p_and_1080p(records):
    key = "gemini/veo-3.1-fast-generate-001"
    # the entry lists 1080p (0.12) and 4k (0.30); 720p has no field, so LiteLLM charges the default 0.10
    assert usd_per_second_at(records, key, "720p") == 0.1
    assert usd_per_second_at(records, key, "1080p") == 0.12
    assert usd_per_second_at(records, key, "4k") == 0.3
    rows = [
        (r["resolution"], r["price_field"], r["price_usd_per_s"], r["pricing_url"]) for r in records if r["key"] == key
    ]
    assert rows == [
        (None, "output_cost_per_second", 0.1, "https://ai.google.dev/gemini-api/docs/pricing"),
        ("1080p", "output_cost_per_second_1080p", 0.12, "https://ai.google.dev/gemini-api/docs/pricing"),
        ("4k", "output_cost_per_second_4k", 0.3, "https://ai.google.dev/gemini-api/docs/pricing"),
    ]


def test_explicit_720p_prices_and_vendors_kept_apart(records):
    seedance = {r["resolution"]: r for r in records if r["key"] == "fal_ai/bytedance/seedance-2.0/text-to-video"}
    assert seedance["720p"]["price_usd_per_s"] == 0.3034
    assert (seedance["720p"]["litellm_provider"], seedance["720p"]["model"]) == (
        "fal_ai",
        "bytedance/seedance-2.0/text-to-video",
    )
    assert seedance["720p"]["pricing_url"] == "https://fal.ai/models/bytedance/seedance-2.0/text-to-video"
    assert usd_per_second_at(records, "dashscope/wan3.0-video", "720p") == 0.082513
    assert usd_per_second_at(records, "qwencloud/wan3.0-video", "720p") == 0.1
    sora = [r for r in records if r["key"] == "openai/sora-2-pro"]
    assert [(r["resolution"], r["price_field"], r["price_usd_per_s"]) for r in sora] == [
        (None, "output_cost_per_video_per_second", 0.3)
    ]


def test_every_video_entry_and_only_those(records):
    assert len({r["key"] for r in records}) == 90 and len(records) == 256
    assert all(r["pricing_url"] for r in records)


def test_a_catalogue_without_video_entries_is_refused():
    body = b'{"gpt-4o": {"mode": "chat", "input_cost_per_token": 2.5e-06, "litellm_provider": "openai"}}'
    with pytest.raises(ParseError, match="litellm_pricing: cannot parse snap-y: no mode=video_generation entry"):
        parse(body, where="snap-y")
    with pytest.raises(ParseError, match="unknown price field 'output_cost_per_second_8k_hdr'"):
        parse(
            b'{"x/v": {"mode": "video_generation", "litellm_provider": "x", "output_cost_per_second_8k_hdr": 1}}',
            where="snap-z",
        )
