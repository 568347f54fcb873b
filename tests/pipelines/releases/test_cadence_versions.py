"""Cadence from every dated piece of evidence (issue 10.1), on the bundled replay: model versions
matched across sources, one preferred date by the written rule, distinct versions per quarter and
country, the open quarter flagged partial."""

from __future__ import annotations

from datetime import date


def test_2025_q3_us_counts_five_distinct_model_versions(warehouse_con):
    # by hand from out_cadence_versions: Avenger 0.5 (AA 2025-07-14), Genie 3 (curated announce 2025-08-05),
    # Luma Ray3 (AA 2025-09-19 refines curated GA 2025-09), Sora 2 (curated GA 2025-09-30), Sora 2 Pro (AA 2025-09-30)
    versions = warehouse_con.execute("""SELECT version_name, preferred_date_text, preferred_source, preferred_kind
                                        FROM out.out_cadence_versions
                                        WHERE preferred_quarter = '2025-Q3' AND country_group = 'US'
                                        ORDER BY preferred_date_text, version_name""").fetchall()
    assert versions == [
        ("Avenger 0.5", "2025-07-14", "aa_arena", "released"),
        ("Genie (world model) 3", "2025-08-05", "curated", "announced"),
        ("Luma Ray3", "2025-09-19", "aa_arena", "released"),
        ("Sora 2", "2025-09-30", "curated", "ga"),
        ("Sora 2 Pro", "2025-09-30", "aa_arena", "released"),
    ]
    row = warehouse_con.execute("""SELECT model_versions, first_seen_only_versions, is_partial_quarter
                                   FROM out.out_cadence_versions_quarterly
                                   WHERE release_quarter = '2025-Q3' AND country_group = 'US'""").fetchall()
    assert row == [(5, 0, False)]


def test_kling_2_6_has_dates_from_four_sources_and_prefers_aa_day_over_curated_month(warehouse_con):
    dates = warehouse_con.execute("""SELECT DISTINCT source, date_kind, date_text FROM marts.fct_model_version_dates
                                     WHERE version_key = 'family:Kling 2.6' AND date_kind <> 'first_seen'
                                     ORDER BY date_text, source""").fetchall()
    # AA lists the December and the January (2026-01-13) Kling 2.6 variants
    assert dates == [
        ("curated", "ga", "2025-12"),
        ("aa_arena", "released", "2025-12-03"),
        ("aa_arena", "released", "2026-01-13"),
    ]
    sources = warehouse_con.execute(
        "SELECT sources_listed FROM out.out_cadence_versions WHERE version_key = 'family:Kling 2.6'"
    ).fetchall()
    assert sources == [("aa_arena, arena, curated, lmarena_dataset",)]
    preferred = warehouse_con.execute("""SELECT preferred_date, preferred_precision, preferred_source, preferred_kind,
                                                preferred_is_upper_bound, preferred_quarter
                                         FROM out.out_cadence_versions
                                         WHERE version_key = 'family:Kling 2.6'""").fetchall()
    # a day date inside the month of a month-only date refines it
    assert preferred == [(date(2025, 12, 3), "day", "aa_arena", "released", False, "2025-Q4")]


def test_a_first_sighting_is_an_upper_bound_and_left_censored_ones_stay_undated(warehouse_con):
    seen = warehouse_con.execute("""SELECT preferred_date_text, preferred_source, preferred_is_upper_bound,
                                           preferred_rule
                                    FROM out.out_cadence_versions
                                    WHERE version_key = 'family:Seedance 2.5'""").fetchall()
    assert seen == [("2026-08-22", "arena", True, "first seen (upper bound)")]
    # on the arena boards since the first recorded day (2026-03-19) and in LiteLLM since its first (2026-03-01)
    undated = warehouse_con.execute("""SELECT version_key, seen_by FROM out.out_cadence_versions
                                       WHERE preferred_quarter IS NULL ORDER BY version_key""").fetchall()
    assert undated == [
        ("family:Runway Aleph", date(2026, 3, 1)),
        ("family:Runway Gen-4 Turbo", date(2026, 3, 1)),
        ("runway:gen3a-turbo", date(2026, 3, 1)),
    ]


def test_an_unmatched_name_is_its_own_version_not_a_guessed_family(warehouse_con):
    # the ^pika pattern names the Pika 2.2 family; Pika 1.5 (AA and curated) must not be folded into it
    rows = warehouse_con.execute("""SELECT version_key, string_agg(DISTINCT source, ',' ORDER BY source)
                                    FROM marts.fct_model_version_dates WHERE lab_id = 'pika'
                                    GROUP BY 1 ORDER BY 1""").fetchall()
    assert rows == [
        ("family:Pika 2.2", "aa_arena,arena,lmarena_dataset"),
        ("pika:1-0", "curated"),
        ("pika:1-5", "aa_arena,curated"),
        ("pika:2-0", "aa_arena"),  # the curated Pika 2.0 row has no date
        ("pika:2-5", "aa_arena"),
    ]


def test_one_litellm_model_with_several_task_endpoints_is_one_version(warehouse_con):
    # LiteLLM lists wan2.7-t2v, -i2v and -r2v (and Luma's text-to-video, image-to-video, video-to-video,
    # reframe) as separate entries: they are one model, so one version with its endpoints in source_record
    rows = warehouse_con.execute("""SELECT version_key, source_model, source_record, date_value
                                    FROM marts.fct_model_version_dates
                                    WHERE source = 'litellm' AND lab_id IN ('alibaba', 'luma')
                                      AND source_record LIKE '%,%'
                                    ORDER BY version_key""").fetchall()
    assert rows == [
        (
            "alibaba:happyhorse-1-1",
            "happyhorse-1.1",
            "happyhorse-1.1-i2v, happyhorse-1.1-r2v, happyhorse-1.1-t2v",
            date(2026, 11, 20),
        ),
        (
            "family:HappyHorse 1.0",
            "happyhorse-1.0",
            "happyhorse-1.0-i2v, happyhorse-1.0-r2v, happyhorse-1.0-t2v",
            date(2026, 11, 20),
        ),
        ("family:Wan 2.7", "wan2.7", "wan2.7-i2v, wan2.7-r2v, wan2.7-t2v", date(2026, 11, 20)),
        (
            "luma:agent-ray-v3-2",
            "luma/agent/ray/v3.2",
            "luma/agent/ray/v3.2/image-to-video, luma/agent/ray/v3.2/reframe, luma/agent/ray/v3.2/text-to-video, "
            "luma/agent/ray/v3.2/video-to-video",
            date(2026, 11, 20),
        ),
    ]


def test_seedance_2_spelled_without_its_point_zero_is_the_2_0_family_not_2_5(warehouse_con):
    rows = warehouse_con.execute("""SELECT source_record, version_key FROM marts.fct_model_version_dates
                                    WHERE source = 'litellm' AND source_record LIKE 'seedance2%'
                                    ORDER BY source_record""").fetchall()
    assert rows == [
        ("seedance2", "family:Seedance 2.0"),
        ("seedance2_5", "family:Seedance 2.5"),
        ("seedance2_fast", "family:Seedance 2.0"),
        ("seedance2_mini", "family:Seedance 2.0"),
    ]


def test_the_quarter_after_the_newest_data_through_is_partial_everywhere(warehouse_con):
    flags = warehouse_con.execute("""SELECT release_quarter, bool_and(is_partial_quarter),
                                            any_value(newest_data_through)
                                     FROM out.out_cadence_versions_quarterly
                                     WHERE release_quarter IN ('2026-Q3', '2026-Q4')
                                     GROUP BY 1 ORDER BY 1""").fetchall()
    assert flags == [("2026-Q3", False, date(2026, 11, 20)), ("2026-Q4", True, date(2026, 11, 20))]
    total = warehouse_con.execute(
        "SELECT sum(model_versions), count(*) FILTER (WHERE is_partial_quarter) FROM out.out_cadence_versions_quarterly"
    ).fetchall()
    dated = warehouse_con.execute(
        "SELECT count(*) FROM out.out_cadence_versions WHERE preferred_quarter IS NOT NULL"
    ).fetchall()
    assert total == [(124, 3)] and dated == [(124,)]


def test_site_marks_the_partial_quarter_in_chart_card_and_csv(replay_warehouse):
    import csv

    site = replay_warehouse / "site"
    with (site / "data" / "cadence-per-quarter.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    partial = {(r["release_quarter"], r["country_group"]) for r in rows if r["is_partial_quarter"] == "true"}
    assert partial == {("2026-Q4", "CN"), ("2026-Q4", "US"), ("2026-Q4", "unknown")}
    cadence = (site / "cadence.html").read_text(encoding="utf-8")
    assert "2026-Q4 (partial)" in cadence and "(2026-Q4 is partial and drawn faded)" in cadence
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Model versions released in 2026-Q3" in index and "China 4 · U.S. 2" in index
    assert "2026-Q4 so far (partial, data through 2026-11-20): China 2 · U.S. 2." in index
