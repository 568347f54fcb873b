"""Q4 from the recordings: the Hub's trending list as a per-model, per-snapshot history with only
video-generation tags in the measures, and OpenRouter's open-weight share of LLM tokens (labelled
as LLM tokens, not video)."""

from __future__ import annotations

from pipelines.config import SQL_DIR


def test_trending_video_models_history(warehouse_con):
    rows = {
        r[0]: r[1:]
        for r in warehouse_con.execute(
            """SELECT model_id, lab_id, country_code, pipeline_tag, snapshots_listed, first_seen_at::DATE::VARCHAR,
                  first_downloads, first_likes, last_downloads, last_likes
           FROM out.out_open_trending_video_models"""
        ).fetchall()
    }
    assert len(rows) == 10  # untagged Comfy-Org/MiniMax-H3 and LongCat-Video-Avatar are not counted
    assert rows["MiniMaxAI/MiniMax-H3"] == (
        "minimax",
        "CN",
        "image-text-to-video",
        24,
        "2026-08-03",
        0,
        845,
        3614443,
        4306,
    )
    assert rows["Lightricks/LTX-2.3"][3:] == (18, "2026-03-06", 4, 189, 751665, 687)
    assert rows["unsloth/LTX-2.3-GGUF"][:2] == (None, None)  # a re-uploader is not the lab


def test_trending_stats_are_kept_per_model_per_snapshot(warehouse_con):
    got = warehouse_con.execute(
        """SELECT count(*), count(DISTINCT model_id), count(DISTINCT snapshot_sha256), min(snapshot_date)::VARCHAR,
                  max(snapshot_date)::VARCHAR, count(*) FILTER (WHERE is_video_generation)
           FROM marts.fct_open_model_stats WHERE source = 'hf_trending'"""
    ).fetchall()
    assert got == [(2560, 208, 256, "2026-03-02", "2026-08-22", 163)]


def test_openrouter_share_is_labelled_llm_tokens(warehouse_con):
    header = (SQL_DIR / "out" / "out_openrouter_llm_open_share_daily.sql").read_text()
    assert "LLM" in header and "NOT" in header and "video" in header and "30 %" in header
    columns = [r[0] for r in warehouse_con.execute("DESCRIBE out.out_openrouter_llm_open_share_daily").fetchall()]
    assert all(c.startswith("llm_") for c in columns if c not in ("token_date", "country_group", "source_urls"))
    cn = warehouse_con.execute(
        """SELECT llm_tokens_total, llm_tokens_open_weight, llm_open_weight_share_pct_lower_bound
           FROM out.out_openrouter_llm_open_share_daily WHERE token_date = '2026-08-06' AND country_group = 'CN'"""
    ).fetchall()
    assert cn == [(52594979546066, 15493856066213, 29.46)]


def test_patents_second_series_and_epo_lower_bounds(warehouse_con):
    assert warehouse_con.execute(
        """SELECT country_code, year, applications_per_million FROM marts.fct_patent_applications_per_million
           WHERE country_code IN ('CN', 'US') AND year = 2019 ORDER BY 1"""
    ).fetchall() == [("CN", 2019, 30.824991), ("US", 2019, 43.17179)]
    assert warehouse_con.execute(
        "SELECT cql_query, total_result_count, count_is_lower_bound FROM raw.raw_patents__epo_ops ORDER BY 1"
    ).fetchall() == [("H04W", 10, False), ("pa = Siemens", 10000, True), ("ti = battery", 10000, True)]
    # the recorded client examples are not counts of ours
    assert warehouse_con.execute(
        "SELECT count(*) FROM marts.fct_patent_counts WHERE record_source = 'epo_ops'"
    ).fetchall() == [(0,)]


def test_release_events_keep_kind_and_upper_bounds(warehouse_con):
    kinds = dict(
        warehouse_con.execute(
            "SELECT date_kind, count(*) FROM marts.fct_releases WHERE source IN ('git_facts', 'curated_candidates') "
            "GROUP BY 1"
        ).fetchall()
    )
    assert kinds == {
        "first_commit": 17,
        "news_line_added": 86,
        "tag": 7,
        "first_seen": 9,
        "announced": 2,
        "planned": 1,
        "release_reported": 1,
    }
    wan3 = warehouse_con.execute(
        """SELECT lab_id, release_date_text, date_precision, date_is_upper_bound, counts_in_cadence
           FROM marts.fct_releases WHERE model = 'wan3.0-video-prime'"""
    ).fetchall()
    assert wan3 == [("alibaba", "2026-11-20", "day", True, True)]
    assert warehouse_con.execute(
        "SELECT count(*) FROM marts.fct_releases WHERE date_is_upper_bound AND date_kind <> 'first_seen'"
    ).fetchall() == [(0,)]
