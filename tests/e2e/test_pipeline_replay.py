"""The whole graph materialised into a temporary DuckDB from the replay data: real values out,
provenance on every row, and a second refresh that changes nothing."""

from __future__ import annotations

import duckdb

from tests.support import copy_warehouse, run_pipeline


def test_text_to_video_2026_04_19_number_one(warehouse_con):
    row = warehouse_con.execute(
        """SELECT model, score, score_ci_lower, score_ci_upper, lab_id, country_code, record_source
           FROM marts.fct_leaderboard_entries
           WHERE board = 'text-to-video' AND snapshot_date = DATE '2026-04-19' AND rank = 1"""
    ).fetchall()
    assert row == [("dreamina-seedance-2.0-720p", 1460, 1449, 1471, "bytedance", "CN", "arena_mirror_snapshot")]


def test_top10_country_counts_match_the_claims_evidence(warehouse_con):
    # claims.csv C1 evidence: 2026-03-19 T2V top 10 = 9 US / 1 CN; 2026-04-19 T2V = 7 US / 3 CN;
    # 2026-04-19 I2V = 6 US / 4 CN.
    counts = dict(
        ((board, str(day), group), n)
        for board, day, group, n in warehouse_con.execute(
            """SELECT board, snapshot_date, country_group, top10_count FROM out.out_leaderboard_country_daily
               WHERE snapshot_date IN (DATE '2026-03-19', DATE '2026-04-19')"""
        ).fetchall()
    )
    assert counts[("text-to-video", "2026-03-19", "US")] == 9
    assert counts[("text-to-video", "2026-03-19", "CN")] == 1
    assert counts[("text-to-video", "2026-04-19", "US")] == 7
    assert counts[("text-to-video", "2026-04-19", "CN")] == 3
    assert counts[("image-to-video", "2026-04-19", "US")] == 6
    assert counts[("image-to-video", "2026-04-19", "CN")] == 4


def test_recorded_snapshot_days_come_from_the_mirror_with_a_hash(warehouse_con):
    rows = warehouse_con.execute(
        """SELECT f.model, f.score, f.record_source, s.mode, s.url
           FROM marts.fct_leaderboard_entries f JOIN raw.snapshots s ON s.sha256 = f.snapshot_sha256
           WHERE f.board = 'text-to-video' AND f.snapshot_date = DATE '2026-07-12' AND f.rank = 1"""
    ).fetchall()
    assert len(rows) == 1
    model, score, record_source, mode, url = rows[0]
    assert (model, score, record_source, mode) == ("gemini-omni-flash", 1527, "arena_mirror_snapshot", "replay")
    assert url.endswith("/data/2026-07-12/text-to-video.json")


def test_every_fact_row_is_traceable(warehouse_con):
    untraceable = warehouse_con.execute(
        """SELECT count(*) FROM marts.fct_leaderboard_entries
           WHERE source_url IS NULL OR snapshot_sha256 IS NULL
              OR (record_source = 'arena_history_csv' AND (curated_file IS NULL OR curated_row IS NULL))"""
    ).fetchall()
    assert untraceable == [(0,)]
    orphans = warehouse_con.execute(
        """SELECT count(*) FROM marts.fct_leaderboard_entries f
           WHERE NOT EXISTS (SELECT 1 FROM raw.snapshots s WHERE s.sha256 = f.snapshot_sha256)"""
    ).fetchall()
    assert orphans == [(0,)]


def test_unknown_country_stays_null(warehouse_con):
    # Pruna's country is not verified in labs.csv: its model keeps a NULL country.
    rows = warehouse_con.execute(
        "SELECT DISTINCT lab_id, country_code FROM marts.fct_leaderboard_entries WHERE model = 'p-video'"
    ).fetchall()
    assert rows == [("pruna", None)]


def test_release_and_labs_dimension(warehouse_con):
    assert warehouse_con.execute("SELECT country_code FROM marts.dim_labs WHERE lab_id = 'kuaishou'").fetchall() == [
        ("CN",)
    ]
    assert warehouse_con.execute("SELECT lab_id FROM int.int_lab_aliases WHERE alias_key = 'spacexai'").fetchall() == [
        ("xai",)
    ]


def _counts(path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute("""SELECT table_schema || '.' || table_name FROM information_schema.tables
                                WHERE table_schema IN ('raw', 'marts', 'out')
                                  AND table_name NOT IN ('source_runs', 'change_refreshes', 'refresh_fingerprints')
                                  -- run logs: one row per refresh by design""").fetchall()
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for (t,) in tables}
    finally:
        con.close()


def test_second_refresh_is_idempotent_and_parses_nothing(replay_warehouse, tmp_path):
    # the first refresh is the session's (copied): only the second one is paid for here
    copy_warehouse(replay_warehouse, tmp_path)
    first = _counts(tmp_path / "videorace.duckdb")
    assert run_pipeline(tmp_path).success
    second = _counts(tmp_path / "videorace.duckdb")
    assert first == second
    con = duckdb.connect(str(tmp_path / "videorace.duckdb"), read_only=True)
    try:
        statuses = con.execute(
            """SELECT status, rows_loaded FROM raw.source_runs WHERE source = 'arena'
               ORDER BY run_started_at"""
        ).fetchall()
        assert statuses == [("ok", 3692), ("unchanged", 0)]  # 131 recorded files, 45 days
        dupes = con.execute("""SELECT count(*) FROM (SELECT board, snapshot_date, model FROM marts.fct_leaderboard_entries
                               GROUP BY ALL HAVING count(*) > 1)""").fetchall()
        assert dupes == [(0,)]
    finally:
        con.close()


def test_dim_models_resolves_aliases_to_family_lab_and_country(warehouse_con):
    rows = dict(
        (model, (family, lab, country))
        for model, family, lab, country in warehouse_con.execute(
            "SELECT model, model_family, lab_id, country_code FROM marts.dim_models"
        ).fetchall()
    )
    assert rows["veo-3.1-fast-audio-1080p"] == ("Veo 3.1 Fast", "google", "US")
    assert rows["dreamina-seedance-2.0-720p"] == ("Seedance 2.0", "bytedance", "CN")
    assert rows["grok-imagine-video-720p"] == ("Grok Imagine", "xai", "US")
    assert rows["p-video"] == ("P-Video", "pruna", None)  # unknown country stays unknown


def test_a_snapshot_without_records_is_not_parsed_again(tmp_path, monkeypatch):
    # A real shape: GitHub answers a repository without releases with an empty list.
    from pipelines import loading
    from pipelines.warehouse import ensure_base_tables
    from videorace_scrapers.snapshots import SnapshotStore

    store = SnapshotStore(tmp_path / "snapshots")
    snap = store.put(
        "github_releases",
        "https://api.github.com/repos/genmoai/mochi/releases",
        b"[]",
        mode="live",
        fetched_at="2026-11-24T00:00:00Z",
        label="genmoai/mochi",
    )
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_base_tables(con)
    first = loading.load_source(con, "github_releases", "raw_releases__github_releases", [snap])
    assert (first.snapshots_new, first.rows_loaded) == (1, 0)
    calls = []
    monkeypatch.setattr(loading, "parse_records", lambda *a, **k: calls.append(a))
    second = loading.load_source(con, "github_releases", "raw_releases__github_releases", [snap])
    assert (second.snapshots_new, second.status, calls) == (0, "unchanged", [])
    con.close()
