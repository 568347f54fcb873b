"""LiteLLM's catalogue and its five-release history reach the Q2 price facts: USD per second per
provider, model and resolution, bitemporal, vendor kept apart from lab."""

from __future__ import annotations

from datetime import date


def test_veo_3_1_fast_on_the_gemini_api_over_five_releases(warehouse_con):
    rows = warehouse_con.execute("""
        SELECT record_source, resolution, price_usd_per_s, valid_from, valid_to, provider_kind, lab_id, country_code
        FROM marts.fct_price_observations
        WHERE provider = 'LiteLLM catalogue: Google Gemini API (lab_platform)' AND model = 'veo-3.1-fast-generate-001'
        ORDER BY valid_from, resolution NULLS FIRST""").fetchall()
    assert rows == [
        ("litellm_price_history", None, 0.15, date(2026, 3, 1), date(2026, 10, 3), "official", "google", "US"),
        ("litellm_price_history", None, 0.15, date(2026, 6, 13), date(2026, 10, 3), "official", "google", "US"),
        ("litellm_price_history", None, 0.15, date(2026, 8, 22), date(2026, 10, 3), "official", "google", "US"),
        ("litellm_price_history", None, 0.1, date(2026, 10, 3), None, "official", "google", "US"),
        ("litellm_price_history", "1080p", 0.12, date(2026, 10, 3), None, "official", "google", "US"),
        ("litellm_price_history", "2160p", 0.3, date(2026, 10, 3), None, "official", "google", "US"),
        # 1.110.2 (2026-11-20) comes from the fetched recording, not from the curated history
        ("litellm_pricing", None, 0.1, date(2026, 11, 20), None, "official", "google", "US"),
        ("litellm_pricing", "1080p", 0.12, date(2026, 11, 20), None, "official", "google", "US"),
        ("litellm_pricing", "2160p", 0.3, date(2026, 11, 20), None, "official", "google", "US"),
    ]


def test_aggregator_is_the_vendor_not_the_lab_and_the_pricing_url_is_evidence(warehouse_con):
    rows = warehouse_con.execute("""
        SELECT f.provider, f.provider_kind, f.lab_id, f.country_group, f.price_usd_per_s, f.valid_from,
               f.source_url, f.notes
        FROM out.out_price_per_second AS o JOIN marts.fct_price_observations AS f USING (observation_id)
        WHERE o.model = 'bytedance/seedance-2.0/text-to-video' AND o.resolution = '720p'
        ORDER BY f.valid_from""").fetchall()
    assert [r[:6] for r in rows] == [
        ("LiteLLM catalogue: fal.ai (aggregator)", "aggregator", "bytedance", "CN", 0.3034, date(2026, 10, 3)),
        ("LiteLLM catalogue: fal.ai (aggregator)", "aggregator", "bytedance", "CN", 0.3034, date(2026, 11, 20)),
    ]
    assert (
        rows[1][6] == "https://pypi.org/project/litellm/1.110.2/#litellm-1.110.2-cp310-abi3-manylinux_2_28_x86_64.whl"
    )
    assert "provider pricing page: https://fal.ai/models/bytedance/seedance-2.0/text-to-video" in rows[1][7]


def test_prices_reach_2026_11_20_and_the_country_summary(warehouse_con):
    newest = warehouse_con.execute("""
        SELECT max(o.valid_from), count(*) FILTER (WHERE f.record_source = 'litellm_pricing'),
               count(*) FILTER (WHERE f.record_source = 'litellm_price_history')
        FROM out.out_price_per_second AS o JOIN marts.fct_price_observations AS f USING (observation_id)""").fetchall()
    assert newest == [(date(2026, 11, 20), 253, 170)]  # sora-2 etc. once, not also under their bare alias
    summary = warehouse_con.execute("""
        SELECT latest_dated FROM out.out_price_country_summary WHERE comparison = '720p_any_audio'""").fetchall()
    assert summary == [(date(2026, 11, 20),)]


def test_a_bare_key_alias_is_one_offer_with_its_prefixed_twin(warehouse_con):
    rows = warehouse_con.execute("""
        SELECT valid_from, price_usd_per_s, notes FROM marts.fct_price_observations
        WHERE provider = 'LiteLLM catalogue: OpenAI API (lab_platform)' AND model = 'sora-2' ORDER BY valid_from""").fetchall()
    assert [(d, p) for d, p, _ in rows] == [
        (date(2026, 3, 1), 0.1),
        (date(2026, 6, 13), 0.1),
        (date(2026, 8, 22), 0.1),
        (date(2026, 10, 3), 0.1),
        (date(2026, 11, 20), 0.1),
    ]
    assert all(n.startswith("LiteLLM key openai/sora-2 (openai)") for _, _, n in rows)
    natural = warehouse_con.execute("""
        SELECT count(*) FROM (SELECT provider, model, tier, resolution, has_audio, clip_seconds, observed_at, source_url,
                                     billing_unit FROM marts.fct_price_observations GROUP BY ALL HAVING count(*) > 1)""")
    assert natural.fetchall() == [(0,)]
