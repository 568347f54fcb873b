"""The releases family alone (its Dagster group and what it reads: the curated release tables and
the lab dimension) materialised into an empty warehouse: a break in this family fails here, before
the full replay. Real values of the committed release rows."""

from __future__ import annotations

from tests.support import materialize_family, query


def test_the_releases_family_builds_the_cadence_marts(tmp_path):
    materialize_family(tmp_path, "releases")
    warehouse = tmp_path / "videorace.duckdb"
    assert query(warehouse, "SELECT source, count(*) FROM marts.fct_releases GROUP BY 1 ORDER BY 1") == [
        ("curated", 62),
        ("curated_candidates", 13),
        ("git_facts", 110),
    ]
    seedance = query(
        warehouse,
        """SELECT release_type, CAST(release_date AS VARCHAR), lab_id, country_code FROM marts.fct_releases
           WHERE model = 'Seedance' AND is_preferred ORDER BY 2 LIMIT 3""",
    )
    assert seedance == [
        ("ga", "2025-06-11", "bytedance", "CN"),
        ("api", "2025-12-15", "bytedance", "CN"),
        ("ga", "2026-02-12", "bytedance", "CN"),
    ]
    per_country_2025 = query(
        warehouse,
        """SELECT country_group, sum(releases) FROM out.out_cadence_quarterly WHERE release_year = 2025
           GROUP BY 1 ORDER BY 1""",
    )
    assert per_country_2025 == [("CN", 16), ("US", 12), ("other", 2)]
    tables = {t for (t,) in query(warehouse, "SELECT table_name FROM information_schema.tables")}
    # a version's first day on an arena board or in LiteLLM is one of its dates, so those facts come
    # along; the price-quality and market tables do not
    assert "fct_releases" in tables and "fct_leaderboard_entries" in tables and "out_event_study" not in tables
