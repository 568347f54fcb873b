"""The replayed leaderboards: arena through 2026-10-10 from raw files only, the official dataset
beside the mirror, and the agreement table that compares the two (and the transcription)."""

from __future__ import annotations

from datetime import date

from pipelines.sources import SOURCES
from videorace_scrapers.spiders.leaderboards_arena import ArenaSpider
from videorace_scrapers.spiders.leaderboards_lmarena_dataset import LmarenaDatasetSpider
from videorace_scrapers.spiders.pricing_litellm_pricing import LitellmPricingSpider

AGREEMENT_COLUMNS = [
    "family",
    "fact",
    "source_a",
    "source_b",
    "compared_on",
    "n_compared",
    "n_over_tolerance",
    "tolerance",
    "max_abs_diff",
    "preferred_source",
    "rule",
]


def test_spiders_use_the_registry_base_urls():
    for spider in (ArenaSpider, LmarenaDatasetSpider, LitellmPricingSpider):
        assert spider.default_base_url == SOURCES[spider.source].live_url
        assert SOURCES[spider.source].has_recordings


def test_arena_facts_come_from_raw_files_for_all_45_days(warehouse_con):
    rows = warehouse_con.execute("""
        SELECT record_source, count(DISTINCT snapshot_date), min(snapshot_date), max(snapshot_date), count(curated_file)
        FROM marts.fct_leaderboard_entries GROUP BY 1""").fetchall()
    assert rows == [("arena_mirror_snapshot", 45, date(2026, 3, 19), date(2026, 10, 10), 0)]
    top = warehouse_con.execute("""
        SELECT model, score, country_code FROM marts.fct_leaderboard_entries
        WHERE board = 'text-to-video' AND snapshot_date = '2026-04-19' AND rank = 1""").fetchall()
    assert top == [("dreamina-seedance-2.0-720p", 1460, "CN")]
    leader = warehouse_con.execute("""
        SELECT number_one_model, number_one_score, lead_label FROM out.out_quality_leader_daily
        WHERE arena = 'arena' AND board = 'text-to-video' AND snapshot_date = '2026-10-10'""").fetchall()
    assert leader == [("gemini-omni-1.1-flash", 1516.0, "U.S. leads (CIs apart)")]


def test_licence_of_late_llm_shape_files_is_not_trusted(warehouse_con):
    rows = warehouse_con.execute("""
        SELECT snapshot_date::VARCHAR, license FROM marts.fct_leaderboard_entries
        WHERE board = 'image-to-video' AND model = 'minimax-h3' AND snapshot_date IN ('2026-09-05', '2026-09-12')
        ORDER BY 1""").fetchall()
    assert rows == [("2026-09-05", None), ("2026-09-12", "open")]  # the 09-05 file says "proprietary"


def test_official_dataset_sits_beside_the_mirror(warehouse_con):
    row = warehouse_con.execute("""
        SELECT model, score, score_ci_lower, score_ci_upper, variance, votes, leaderboard_publish_date, lab_id,
               country_code, source_url
        FROM marts.fct_leaderboard_entries_lmarena
        WHERE board = 'text-to-video' AND snapshot_date = '2026-08-12' AND rank = 1""").fetchall()
    assert row == [
        (
            "gemini-omni-flash",
            1512.0327784964625,
            1501.4093952291405,
            1522.6561617637844,
            29.378493252733005,
            15930,
            date(2026, 8, 11),
            "google",
            "US",
            "https://raw.githubusercontent.com/Scarlett9826/arena-ai-leaderboards/"
            "b5b5adcac1baeb7c7d8c324077737da2d3b288e5/data/lmarena/2026-08-12/text_to_video.json",
        )
    ]
    assert warehouse_con.execute("SELECT count(*) FROM marts.fct_leaderboard_entries_lmarena").fetchall() == [(362,)]


def test_agreement_table_compares_mirror_and_dataset_per_board_and_day(warehouse_con):
    columns = [c[0] for c in warehouse_con.execute("DESCRIBE marts.fct_agreement_leaderboards").fetchall()]
    assert columns == AGREEMENT_COLUMNS
    rows = warehouse_con.execute("""
        SELECT fact, compared_on::VARCHAR, n_compared, n_over_tolerance, tolerance, round(max_abs_diff, 4),
               preferred_source
        FROM marts.fct_agreement_leaderboards WHERE source_a = 'arena' AND source_b = 'lmarena_dataset'
        ORDER BY fact, compared_on""").fetchall()
    assert rows == [
        ("image-to-video score (points)", "2026-08-22", 44, 9, 0.5, 4.2145, "lmarena_dataset"),
        ("text-to-video score (points)", "2026-07-12", 42, 0, 0.5, 0.4926, "lmarena_dataset"),
        ("text-to-video score (points)", "2026-08-22", 44, 10, 0.5, 3.5598, "lmarena_dataset"),
        ("video-edit score (points)", "2026-08-22", 8, 4, 0.5, 2.2938, "lmarena_dataset"),
    ]
    transcription = warehouse_con.execute("""
        SELECT count(*), sum(n_compared), sum(n_over_tolerance), max(max_abs_diff), any_value(preferred_source)
        FROM marts.fct_agreement_leaderboards WHERE source_a = 'arena_history_csv'""").fetchall()
    assert transcription == [(111, 2980, 0, 0.0, "arena")]
    rules = warehouse_con.execute("SELECT DISTINCT rule FROM marts.fct_agreement_leaderboards").fetchall()
    assert len(rules) == 2 and all(r[0].endswith(".") and r[0].count(". ") == 0 for r in rules)


def test_disagreement_check_warns(replay_warehouse):
    import duckdb

    from pipelines.defs.leaderboards import AGREEMENT_CHECK as check

    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        passed, meta = check.evaluate(con)
    finally:
        con.close()
    assert (passed, meta["rows_out_of_range"], check.severity.value) == (False, 3, "WARN")
    assert check.key.asset_key.path == ["fct_agreement_leaderboards"] and check.name == "sources_agree"
