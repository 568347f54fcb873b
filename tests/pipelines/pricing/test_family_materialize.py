"""The pricing family alone (its Dagster group and what it reads: the curated price list, the FX
rates, the lab and model dimensions) materialised into an empty warehouse from the one recorded
LiteLLM catalogue: a break in this family fails here, before the full replay. Real values."""

from __future__ import annotations

from tests.support import materialize_family, query


def test_the_pricing_family_builds_the_price_per_second_summary(tmp_path):
    materialize_family(tmp_path, "pricing")
    warehouse = tmp_path / "videorace.duckdb"
    assert query(
        warehouse, "SELECT record_source, count(*) FROM marts.fct_price_observations GROUP BY 1 ORDER BY 1"
    ) == [("litellm_price_history", 170), ("litellm_pricing", 253), ("pricing_csv", 56)]
    assert query(warehouse, "SELECT count(*) FROM out.out_price_per_second") == [(471,)]
    summary = query(
        warehouse,
        """SELECT cn_offers, cn_median_usd_per_s, cn_cheapest, us_offers, us_median_usd_per_s, us_cheapest
           FROM out.out_price_country_summary WHERE comparison = 'all_resolutions'""",
    )
    assert summary == [
        (160, 0.143353, "Seedance 2.0 via fal.ai (aggregator)", 84, 0.15,
         "Grok Imagine via LiteLLM catalogue: xAI API (lab_platform)"),
    ]  # fmt: skip
    tables = {t for (t,) in query(warehouse, "SELECT table_name FROM information_schema.tables")}
    # the price-quality frontier reads arena scores, so the leaderboard facts come along; releases not
    assert "fct_price_observations" in tables and "fct_leaderboard_entries" in tables and "fct_releases" not in tables
