"""Q4 openness on the replay warehouse: open share of model versions by country and year, open
models in the arena top 10 (only where the data says open), and no Hugging Face numbers in replay."""

from __future__ import annotations

from dashboards.sections import q4_openness


def test_open_share_2025_by_hand(warehouse_con):
    """2025 first releases in releases.csv, CN: Wan 2.1, Step-Video-T2V, Wan 2.2, HunyuanVideo 1.5 open;
    12 closed (Kling 2.0, 2.1, 2.5 Turbo, 2.6, O1; Seedance 1.0, 1.5 Pro; Hailuo 02, 2.3; Vidu Q2;
    Wan 2.5 Preview, 2.6). US: 9 closed, none open."""
    rows = warehouse_con.execute("""SELECT country_group, model_versions, open_versions, closed_versions,
                                           unknown_versions, open_share_pct
                                    FROM out.out_open_share_yearly WHERE release_year = 2025
                                    ORDER BY country_group""").fetchall()
    assert rows == [("CN", 16, 4, 12, 0, 25.0), ("US", 9, 0, 9, 0, 0.0), ("other", 2, 1, 0, 1, 100.0)]
    listed = warehouse_con.execute("""SELECT versions_listed FROM out.out_open_share_yearly
                                      WHERE release_year = 2025 AND country_group = 'other'""").fetchall()[0][0]
    # LTX-2: releases.csv leaves open_weights empty (weights date not verified): unknown, not closed
    assert listed == "ltx-2 (unknown); ltx-video 0.9.8 (open)"


def test_open_models_in_arena_top10_only_where_the_data_says_open(warehouse_con):
    rows = warehouse_con.execute("""SELECT board, strftime(snapshot_date, '%Y-%m-%d'), country_group, open_in_top10,
                                           open_models
                                    FROM out.out_open_arena_top10 WHERE open_in_top10 > 0 ORDER BY board""").fetchall()
    # the mirror's licence field says "open" for minimax-h3 from 2026-08-22 on, the only open entry ever in a
    # top 10; the two late LLM-shape files (2026-09-05 image-to-video, 2026-09-26 text-to-video) call it
    # "proprietary", a licence staging does not trust, so those board-days count it as unknown
    days = {
        "image-to-video": ["2026-08-22", "2026-08-29", "2026-09-12", "2026-09-19", "2026-09-26", "2026-10-10"],
        "text-to-video": ["2026-08-22", "2026-08-29", "2026-09-05", "2026-09-12", "2026-09-19", "2026-10-10"],
        "video-edit": [
            "2026-08-22",
            "2026-08-29",
            "2026-09-05",
            "2026-09-12",
            "2026-09-19",
            "2026-09-26",
            "2026-10-10",
        ],
    }
    assert [(b, d) for b, d, *_ in rows] == [(b, d) for b in days for d in days[b]]
    assert {(c, n, m.split(" ")[0]) for _, _, c, n, m in rows} == {("CN", 1, "minimax-h3")}
    assert [m for b, d, _, _, m in rows if d == "2026-10-10"] == [
        "minimax-h3 (#1, open)",
        "minimax-h3 (#8, open)",
        "minimax-h3 (#3, open)",
    ]
    # the open-weight Wan 2.2 / HunyuanVideo 1.5 / LTX-2 entries never rank in a top 10 (best rank 27)
    best = warehouse_con.execute("""SELECT model, min(rank) FROM marts.fct_leaderboard_entries
                                    WHERE model IN ('wan-v2.2-a14b', 'hunyuan-video-1.5', 'ltx-2-19b')
                                    GROUP BY ALL ORDER BY ALL""").fetchall()
    assert [m for m, _ in best] == ["hunyuan-video-1.5", "ltx-2-19b", "wan-v2.2-a14b"] and min(r for _, r in best) == 27
    # every top-10 slot is accounted for: open + closed + unknown = entries
    assert warehouse_con.execute("""SELECT count(*) FROM out.out_open_arena_top10
                                    WHERE open_in_top10 + closed_in_top10 + unknown_licence_in_top10 <> top10_entries
                                """).fetchall() == [(0,)]
    per_day = warehouse_con.execute("""SELECT max(n), count(*) FROM (SELECT board, snapshot_date, sum(top10_entries) AS n
                                       FROM out.out_open_arena_top10 GROUP BY ALL)""").fetchall()
    assert per_day == [(10, 131)]  # 131 board-days, never more than 10 entries counted


def test_no_hugging_face_snapshot_in_replay_says_so(warehouse_con):
    assert warehouse_con.execute(
        "SELECT count(*) FROM marts.fct_open_model_stats WHERE source = 'hf_models'"
    ).fetchall() == [(0,)]
    assert warehouse_con.execute("SELECT count(*) FROM out.out_open_downloads_by_country").fetchall() == [(0,)]
    section = q4_openness.build(warehouse_con)
    assert "no Hugging Face snapshot loaded yet (live only)" in "".join(section.html_blocks)
    assert "open-downloads-by-country" not in {c.slug for c in section.charts}
    titles = {c.slug: c.title for c in section.charts}
    assert titles["open-share-by-year"].startswith("China released a larger open-weight share")
    assert "4 of 16 Chinese versions vs 0 of 9 U.S." in titles["open-share-by-year"]
    # open models reach the top 10 on several days now: a chart (one day alone would be a sentence)
    assert titles["open-arena-top10-text-to-video"] == (
        "arena.ai text-to-video: 1 open-weight model in the top 10 on 2026-10-10 (1 China); "
        "open models reached the top 10 on 6 of 44 days"
    )


def test_cadence_section_titles_state_the_finding(warehouse_con):
    from dashboards.sections import q3_cadence

    titles = {c.slug: c.title for c in q3_cadence.build(warehouse_con).charts}
    assert titles["cadence-per-quarter"] == (
        "Chinese labs shipped more model versions than U.S. labs in 2025: 28 vs 18 distinct model versions "
        "(2026-Q4 is partial and drawn faded)"
    )
    assert "median 117 days between versions in China vs 186 in the U.S." in titles["cadence-version-gaps"]


def test_the_open_year_is_marked_partial_and_never_headlined(warehouse_con):
    """2026 ends after the newest data-through date (2026-11-20): flagged in the table and the CSV,
    labelled '2026 (partial)' on the chart, and the title speaks of 2025, the last whole year."""
    rows = warehouse_con.execute("""SELECT release_year, bool_and(is_partial_year) FROM out.out_open_share_yearly
                                    WHERE release_year >= 2025 GROUP BY 1 ORDER BY 1""").fetchall()
    assert rows == [(2025, False), (2026, True)]
    chart = next(c for c in q4_openness.build(warehouse_con).charts if c.slug == "open-share-by-year")
    assert "2026 (partial)" in chart.figure.data[0].x and "in 2025:" in chart.title
    assert chart.data.filter(chart.data["release_year"] == 2026)["is_partial_year"].to_list() == [True, True, True]
    assert "2026 is partial" in chart.note
