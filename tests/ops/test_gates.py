"""Checks that gate: impossible rows (a FRED rate of 0.0068969, a negative arena score, boards dated
2099 and 1970, OpenRouter `created` in 1938 and 2100, a duplicated key) never reach a mart; they sit in
marts.fct_row_rejects with their reason. A failed ERROR check keeps the published site and fails the
refresh in one line. Inputs are copies of the real recordings with one value broken (synthetic)."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.defs.ops.quarantine import quarantine
from pipelines.loading import load_source
from pipelines.snapshot_ledger import register_snapshots
from pipelines.warehouse import build_model
from tests.support import PROJECT_ROOT, RECORDINGS, pipeline_env, run_pipeline, table_counts
from videorace_scrapers.snapshots import SnapshotStore

FRED_FILE = "FRED_DEXCHUS_2025-01-01_to_2026-09-18.csv"


def _board(models_from: Path, fetched_at: str, change=None) -> bytes:
    doc = json.loads(models_from.read_text(encoding="utf-8"))
    doc["meta"]["fetched_at"] = fetched_at
    if change:
        change(doc)
    return json.dumps(doc).encode()


def _negative_mochi(doc: dict) -> None:
    for model in doc["models"]:
        if model["model"] == "mochi-v1":
            model["score"] = -1005


def _append_manifest(manifest: Path, **row: str) -> None:
    """One more manifest row, in the manifest's own column order, with the file's sha256 (the loader
    refuses a row whose bytes do not match it)."""
    row["sha256"] = hashlib.sha256((manifest.parent / row["file"]).read_bytes()).hexdigest()
    with manifest.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    with manifest.open("a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, fieldnames=header).writerow(row)


def poisoned_recordings(tmp: Path) -> Path:
    """The real recordings plus four broken copies (labelled synthetic by their folder name)."""
    root = tmp / "recordings"
    shutil.copytree(RECORDINGS, root)
    fred = root / "fred" / FRED_FILE
    text = fred.read_text(encoding="utf-8")
    assert "2026-03-04,6.8969\n" in text
    (root / "fred" / "synthetic_typo.csv").write_text(text.replace("2026-03-04,6.8969\n", "2026-03-04,0.0068969\n"))
    _append_manifest(
        root / "fred" / "manifest.csv",
        file="synthetic_typo.csv",
        label="DEXCHUS",
        url="https://fred.stlouisfed.org/graph/fredgraph.csv?id=DEXCHUS",
        fetched_at="2026-09-19T00:00:00Z",
    )
    t2v = RECORDINGS / "arena" / "2026-07-12" / "text-to-video.json"
    boards = {
        "synthetic/negative.json": _board(t2v, "2026-07-12T06:00:00+00:00", _negative_mochi),
        "synthetic/future.json": _board(t2v, "2099-12-31T00:00:00+00:00"),
        "synthetic/epoch.json": _board(t2v, "1970-01-01T00:00:00+00:00"),
    }
    (root / "arena" / "synthetic").mkdir()
    for name, body in boards.items():
        (root / "arena" / name).write_bytes(body)
        _append_manifest(
            root / "arena" / "manifest.csv",
            file=name,
            label="text-to-video",
            url=f"https://example.invalid/{name}",
            fetched_at="2026-07-12T06:00:00Z",
        )
    return root


@pytest.fixture(scope="module")
def poisoned(replay_warehouse, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("poisoned")
    shutil.copyfile(replay_warehouse / "videorace.duckdb", tmp / "videorace.duckdb")
    shutil.copytree(replay_warehouse / "site", tmp / "site")
    recordings = poisoned_recordings(tmp)
    result = run_pipeline(tmp, select=["arena", "fred"], VIDEORACE_RECORDINGS_DIR=str(recordings))
    assert result.success, [e.message for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    return tmp


def _q(path: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(path / "videorace.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_fred_typo_never_prices_seedance_at_137_dollars(poisoned):
    # raw keeps what FRED said (faithful, flagged by the WARN rule); the mart holds it back
    assert _q(poisoned, "SELECT count(*) FROM raw.raw_fx__fred WHERE cny_per_usd = 0.0068969") == [(1,)]
    # the typo is held back; the day keeps the two real copies' rate (FRED via two repositories)
    assert _q(poisoned, "SELECT rate FROM marts.fct_fx_rates WHERE rate_date = DATE '2026-03-04'") == [(6.8969,)] * 2
    (reject,) = _q(
        poisoned,
        """SELECT rule, reason, row_json FROM marts.fct_row_rejects
                                WHERE relation = 'marts.fct_fx_rates'""",
    )
    assert reject[0] == "fx_rate_plausible" and "CNY per USD outside 5..9" in reject[1]
    assert '"rate":0.0068969' in reject[2] and '"rate_date":"2026-03-04"' in reject[2]
    # Seedance converts at the last good rate before 2026-03-04 (03-03), stated on the row
    rows = _q(
        poisoned,
        """SELECT fx_date, fx_rate_cny_per_usd, round(price_usd_per_s, 4) FROM out.out_price_per_second
                           WHERE model = 'Doubao-Seedance-2.0' AND price_usd_per_s IS NOT NULL""",
    )
    assert rows and all(r[2] < 0.2 for r in rows) and {str(r[0]) for r in rows} == {"2026-03-03"}
    # no CNY price converted at the typo (the real maximum in USD is LiteLLM's 4K Seedance at $1.5552/s)
    assert (
        _q(
            poisoned,
            """SELECT max(price_usd_per_s) FROM marts.fct_price_observations
                           WHERE native_currency = 'CNY'""",
        )[0][0]
        < 1
    )


def test_negative_arena_score_is_rejected_not_published(poisoned):
    (row,) = _q(
        poisoned,
        """SELECT rule, reason FROM marts.fct_row_rejects WHERE relation = 'marts.fct_leaderboard_entries'
                             AND rule = 'score_on_arena_scale'""",
    )
    assert row[1].startswith("marts.fct_leaderboard_entries: arena score outside the Elo scale (100..3000)")
    assert _q(poisoned, "SELECT count(*) FROM marts.fct_leaderboard_entries WHERE score < 100") == [(0,)]
    # the newest 2026-07-12 board is the poisoned copy: 41 of its 42 rows are published, mochi-v1 is held back
    assert _q(
        poisoned,
        """SELECT count(*), count(*) FILTER (model = 'mochi-v1') FROM marts.fct_leaderboard_entries
                           WHERE board = 'text-to-video' AND snapshot_date = DATE '2026-07-12'""",
    ) == [(41, 0)]
    assert _q(poisoned, "SELECT min(best_us_score) FROM out.out_quality_leader_daily")[0][0] > 0


@pytest.mark.parametrize("day", ["2099-12-31", "1970-01-01"])
def test_boards_dated_2099_and_1970_are_rejected(poisoned, day):
    assert _q(poisoned, "SELECT count(*) FROM raw.raw_leaderboards__arena WHERE snapshot_date = ?", [day]) == [(42,)]
    assert _q(poisoned, "SELECT count(*) FROM marts.fct_leaderboard_entries WHERE snapshot_date = ?", [day]) == [(0,)]
    assert _q(
        poisoned,
        """SELECT count(*), any_value(reason) FROM marts.fct_row_rejects
                           WHERE relation = 'marts.fct_leaderboard_entries' AND rule = 'snapshot_date_in_range'
                           AND row_json LIKE ?""",
        [f'%"snapshot_date":"{day}"%'],
    ) == [
        (
            42,
            "marts.fct_leaderboard_entries: snapshot_date before 2015-01-01 or after tomorrow "
            "(CAST(\"snapshot_date\" AS DATE) BETWEEN DATE '2015-01-01' AND current_date + 1)",
        )
    ]


def test_the_site_is_not_dated_2099(poisoned):
    html = (poisoned / "site" / "index.html").read_text(encoding="utf-8")
    header = html[html.index("<header>") : html.index("</header>")]
    assert "2099" not in header and "<b>Arena boards</b> 2026-" in header  # data-through ignores the 2099 row
    assert _q(poisoned, "SELECT max(snapshot_date) FROM out.out_quality_country_daily")[0][0].year == 2026


def test_openrouter_created_1938_and_2100_never_reach_the_cadence_charts(good_warehouse):
    body = json.dumps(
        {
            "data": [
                {
                    "id": "bytedance/seedance-2.0",
                    "name": "ByteDance: Seedance 2.0",
                    "created": -1009843200,  # 1938-01-01
                    "architecture": {"output_modalities": ["video"]},
                },
                {
                    "id": "google/veo-3.1",
                    "name": "Google: Veo 3.1",
                    "created": 4102444800,  # 2100-01-01
                    "architecture": {"output_modalities": ["video"]},
                },
            ]
        }
    ).encode()
    snap = SnapshotStore(good_warehouse / "snapshots").put(
        "openrouter", "https://openrouter.ai/api/v1/models", body, mode="live", label="models"
    )
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"))
    try:
        register_snapshots(con, [snap])
        assert load_source(con, "openrouter", "raw_releases__openrouter", [snap]).rows_loaded == 2
        for layer, name in (
            ("int", "int_release_events"),
            ("marts", "fct_releases"),
            ("out", "out_cadence_timeline"),
            ("out", "out_cadence_quarterly"),
            ("out", "out_open_share_yearly"),
        ):
            build_model(con, layer, name)
        published = con.execute("""SELECT count(*) FROM marts.fct_releases WHERE source = 'openrouter'""").fetchall()
        rejects = con.execute("""SELECT rule, json_extract_string(row_json, '$.release_date') FROM marts.fct_row_rejects
                                 WHERE relation = 'marts.fct_releases' ORDER BY 2""").fetchall()
        years = con.execute("SELECT min(release_year), max(release_year) FROM out.out_open_share_yearly").fetchall()
        timeline = con.execute("SELECT count(*) FROM out.out_cadence_timeline WHERE year(release_date) IN (1938, 2100)")
        timeline = timeline.fetchall()
    finally:
        con.close()
    assert published == [(0,)]
    assert rejects == [("release_date_in_range", "1938-01-01"), ("release_date_in_range", "2100-01-01")]
    assert years[0][0] >= 2015 and years[0][1] <= 2026 and timeline == [(0,)]


def test_duplicated_mart_keys_are_held_back_with_their_reason(good_warehouse):
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"))
    try:
        # as a mart query that joined one row twice would build it: 2026-03-04 appears twice
        before = con.execute("SELECT count(*) FROM marts.fct_fx_rates").fetchall()[0][0]
        day = con.execute("SELECT count(*) FROM marts.fct_fx_rates WHERE rate_date = DATE '2026-03-04'").fetchall()[0][
            0
        ]
        con.execute("""CREATE OR REPLACE TABLE marts.fct_fx_rates AS SELECT * FROM marts.fct_fx_rates
                       UNION ALL SELECT * FROM marts.fct_fx_rates WHERE rate_date = DATE '2026-03-04'""")
        key = ("rate_date", "base_currency", "quote_currency", "source", "read_from")
        moved = quarantine(con, "marts.fct_fx_rates", key)
        after = con.execute("SELECT count(*) FROM marts.fct_fx_rates").fetchall()[0][0]
        reasons = con.execute("""SELECT DISTINCT rule, reason FROM marts.fct_row_rejects
                                 WHERE relation = 'marts.fct_fx_rates'""").fetchall()
    finally:
        con.close()
    assert day == 2  # the day's rate as read from two repositories (FRED via vichobug, datasets)
    assert (moved, after) == (2 * day, before - day)
    assert reasons == [
        (
            "keys_unique",
            "marts.fct_fx_rates: (rate_date, base_currency, quote_currency, source, "
            "read_from) is "
            "not unique: every row of the key is held back, since which one is right is unknown",
        )
    ]


def test_a_failed_error_check_keeps_the_published_site_and_fails_the_refresh(good_warehouse, replay_warehouse):
    site = good_warehouse / "site"
    shutil.copytree(replay_warehouse / "site", site)
    published = (site / "index.html").read_bytes()
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"))
    con.execute("ALTER TABLE raw.raw_fx__fred ADD COLUMN surprise VARCHAR")  # schema drift: an ERROR check
    con.close()
    before = table_counts(good_warehouse / "videorace.duckdb")
    env = {**pipeline_env(good_warehouse), "PATH": "/usr/bin:/bin"}
    refresh = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "refresh", "--select", "fred", "--quiet"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert refresh.returncode == 1, refresh.stderr[-3000:]
    lines = [line for line in refresh.stderr.splitlines() if "site not rebuilt" in line]
    assert lines and "raw_fx__fred:schema_matches_ddl (differences 1)" in lines[0]
    assert "the previously published one stays: 1 ERROR check(s) failed" in lines[0]
    # the failed step is named with its real reason, on the same line
    failed = next(line for line in refresh.stderr.splitlines() if "FAILED steps: dashboard_site" in line)
    assert "dashboard_site (" in failed and "raw_fx__fred:schema_matches_ddl" in failed
    assert (site / "index.html").read_bytes() == published
    after = table_counts(good_warehouse / "videorace.duckdb")
    assert after.pop("marts.change_refreshes") == before.pop("marts.change_refreshes") + 1  # a log of refreshes
    assert after == before


def test_every_date_column_of_every_mart_and_out_table_has_a_range_rule(warehouse_con):
    from pipelines.defs.ops.quarantine import BOOKKEEPING_COLUMNS, rules_for

    tables = warehouse_con.execute("""SELECT table_schema || '.' || table_name FROM information_schema.tables
                                      WHERE table_schema IN ('marts', 'out') AND table_type = 'BASE TABLE'
                                      AND table_name NOT LIKE '%rejects'""").fetchall()
    uncovered, covered = [], 0
    for (relation,) in tables:
        names = {r.name for r in rules_for(warehouse_con, relation)}
        for column, kind in warehouse_con.execute(
            f"SELECT column_name, column_type FROM (DESCRIBE {relation})"
        ).fetchall():
            if kind.startswith(("DATE", "TIMESTAMP")) and column not in BOOKKEEPING_COLUMNS:
                covered += 1
                if f"{column}_in_range" not in names:
                    uncovered.append(f"{relation}.{column}")
    assert uncovered == [] and covered >= 30
