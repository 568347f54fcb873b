"""The leaderboards family alone (its Dagster group and what it reads) materialised into an empty
warehouse from one recorded arena day (2026-04-19, its three boards) and the other recordings: a
break in this family fails here, before the full replay. Values are the real ones of that day."""

from __future__ import annotations

from tests.support import materialize_family, query, tiny_recordings


def test_one_recorded_arena_day_builds_the_leaderboard_marts(tmp_path):
    recordings = tiny_recordings(tmp_path, {"arena": ("2026-04-19/",)})
    materialize_family(tmp_path, ("leaderboards", "quality"), recordings)  # quality: the Q1 out tables
    warehouse = tmp_path / "videorace.duckdb"
    assert query(warehouse, "SELECT count(*) FROM raw.raw_leaderboards__arena") == [(83,)]
    assert query(
        warehouse,
        """SELECT model, score, lab_id, country_code, record_source FROM marts.fct_leaderboard_entries
           WHERE board = 'text-to-video' AND snapshot_date = DATE '2026-04-19' AND rank = 1""",
    ) == [("dreamina-seedance-2.0-720p", 1460, "bytedance", "CN", "arena_mirror_snapshot")]
    top10 = query(
        warehouse,
        """SELECT board, country_group, top10_count FROM out.out_leaderboard_country_daily
           WHERE snapshot_date = DATE '2026-04-19' AND country_group IN ('CN', 'US') ORDER BY 1, 2""",
    )
    # claims.csv C1 evidence: 2026-04-19 T2V top 10 = 7 US / 3 CN, I2V = 6 US / 4 CN
    assert top10 == [
        ("image-to-video", "CN", 4),
        ("image-to-video", "US", 6),
        ("text-to-video", "CN", 3),
        ("text-to-video", "US", 7),
        ("video-edit", "CN", 3),
        ("video-edit", "US", 2),
    ]
    # only this family was built: no pricing or releases marts in this warehouse
    tables = {t for (t,) in query(warehouse, "SELECT table_name FROM information_schema.tables")}
    assert "fct_leaderboard_entries" in tables and "fct_price_observations" not in tables
