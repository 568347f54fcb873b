"""Artificial Analysis video arena live: the spider fetching the real recorded boards from a loopback
server (127.0.0.1), the snapshots loaded through pipelines.loading into a copy of the replay
warehouse (with that day's replayed rows taken out, so only the curated history covers it), and
int_aa_entries taking a fetched board-day over the curated rows of that day."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pytest

from pipelines.fetch import SourceSkipped, fetch_live
from pipelines.loading import load_source
from pipelines.sources import get_source
from pipelines.warehouse import build_model
from tests.loopback import LoopbackServer, QuietHandler
from tests.support import RECORDINGS
from videorace_scrapers.parsers import ParseError

SOURCE = get_source("aa_arena")
FAST = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "RETRY_TIMES": "0",
    "DOWNLOAD_TIMEOUT": "10",
    "LOG_LEVEL": "WARNING",
}
PUBLIC = {
    "text-to-video": "/api/text-to-video/arena/preferences?supports-image-input=false",
    "image-to-video": "/api/text-to-video/arena/preferences?supports-image-input=true",
}
V2 = {board: f"/api/v2/data/media/{board}" for board in PUBLIC}
KEY = "aa-test-key-not-a-real-one"


def options(snap) -> dict:  # as pipelines/defs/leaderboards passes them
    return {"board": snap.label or None, "fetched_at": snap.fetched_at}


class Boards(LoopbackServer):
    """Answers GET <path?query> from a dict (path -> body); anything else is 404. Logs paths and the
    x-api-key header of every request."""

    def __init__(self, routes: dict[str, bytes]) -> None:
        self.routes, self.hits = routes, []
        server = self

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.hits.append((self.path, self.headers.get("x-api-key")))
                body = server.routes.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

        super().__init__(Handler)

    def paths(self) -> list[str]:
        return sorted(path for path, _ in self.hits if path != "/robots.txt")


def boards(day: str) -> dict[str, bytes]:
    return {board: (RECORDINGS / "aa_arena" / day / f"{board}.json").read_bytes() for board in PUBLIC}


def warehouse_copy(replay_warehouse, tmp_path, without_day: str | None = None) -> duckdb.DuckDBPyConnection:
    """A copy of the replay warehouse; `without_day`: that day's replayed AA rows and load records
    removed, as in a warehouse that had only the curated history for it."""
    target = tmp_path / "videorace.duckdb"
    shutil.copyfile(replay_warehouse / "videorace.duckdb", target)
    con = duckdb.connect(str(target))
    if without_day:
        con.execute(
            """DELETE FROM raw.snapshot_loads WHERE raw_table = 'raw_leaderboards__aa_arena' AND sha256 IN (
                           SELECT snapshot_sha256 FROM raw.raw_leaderboards__aa_arena WHERE snapshot_date = ?)""",
            [without_day],
        )
        con.execute("DELETE FROM raw.raw_leaderboards__aa_arena WHERE snapshot_date = ?", [without_day])
        build_model(con, "int", "int_aa_entries")
    return con


def stg_rows(con, day: str) -> list[tuple]:
    return con.execute(
        """
        SELECT board, rank, model, slug, creator, lab_id, country_code, aa_creator_country, elo, ci_minus, ci_plus,
               appearances, aa_release_date, api_source
        FROM int.int_aa_entries WHERE snapshot_date = CAST(? AS DATE) ORDER BY board, slug""",
        [day],
    ).fetchall()


def test_live_public_boards_replace_the_curated_rows_of_their_day(replay_warehouse, tmp_path, monkeypatch):
    monkeypatch.delenv("AA_API_KEY", raising=False)
    files = boards("2026-04-10")
    with Boards({PUBLIC[b]: body for b, body in files.items()}) as server:
        result = fetch_live(SOURCE, tmp_path / "snapshots", server.url, timeout_s=120, scrapy_settings=FAST)
    assert server.paths() == sorted(PUBLIC.values())  # no key: the public JSON only, all at the stand-in
    assert {s.label: s.url for s in result.snapshots} == {b: server.url + p for b, p in PUBLIC.items()}
    assert result.failures == []

    con = warehouse_copy(replay_warehouse, tmp_path, without_day="2026-04-10")
    try:
        curated_before = stg_rows(con, "2026-04-10")
        other_day_before = stg_rows(con, "2026-04-24")
        assert len(curated_before) == 154
        report = load_source(con, "aa_arena", SOURCE.raw_table, result.snapshots, options)
        assert (report.snapshots_new, report.rows_loaded) == (2, 154)
        for layer, name in (
            ("int", "int_aa_entries"),
            ("marts", "fct_leaderboard_entries_aa"),
            ("out", "out_quality_country_daily"),
            ("out", "out_quality_leader_daily"),
        ):
            build_model(con, layer, name)

        # the fetched snapshot now stands for 2026-04-10: same values as the curated transcription
        assert stg_rows(con, "2026-04-10") == curated_before
        assert stg_rows(con, "2026-04-24") == other_day_before
        sources = con.execute("""
            SELECT snapshot_date, record_source, count(*), count(curated_file)
            FROM int.int_aa_entries WHERE snapshot_date IN ('2026-04-10', '2026-04-24')
            GROUP BY ALL ORDER BY ALL""").fetchall()
        assert sources == [
            (_d("2026-04-10"), "aa_arena_snapshot", 154, 0),
            (_d("2026-04-24"), "aa_arena_snapshot", 154, 0),
        ]  # the replayed recording
        shas = con.execute("""SELECT DISTINCT snapshot_sha256 FROM int.int_aa_entries
                              WHERE snapshot_date = '2026-04-10'""").fetchall()
        assert sorted(r[0] for r in shas) == sorted(s.sha256 for s in result.snapshots)
        top = con.execute("""
            SELECT model, score, score_ci_lower, score_ci_upper, country_code, aa_creator_country, elo_scale,
                   source_url, snapshot_sha256
            FROM marts.fct_leaderboard_entries_aa
            WHERE board = 'image-to-video' AND snapshot_date = '2026-04-10' AND rank = 1""").fetchall()
        sha = next(s.sha256 for s in result.snapshots if s.label == "image-to-video")
        assert top == [
            (
                "HappyHorse-1.0",
                1415.42,
                1409.42,
                1421.42,
                "CN",
                "CN",
                "public_json",
                server.url + PUBLIC["image-to-video"],
                sha,
            )
        ]
        leader = con.execute("""
            SELECT number_one_model, number_one_score, number_one_country, elo_scale FROM out.out_quality_leader_daily
            WHERE arena = 'artificialanalysis' AND board = 'text-to-video' AND snapshot_date = '2026-04-10'""").fetchall()
        assert leader == [("HappyHorse-1.0", 1388.55, "CN", "public_json")]
    finally:
        con.close()


def test_gated_empty_boards_are_refused_and_nothing_is_loaded(replay_warehouse, tmp_path, monkeypatch):
    monkeypatch.delenv("AA_API_KEY", raising=False)
    with Boards({PUBLIC[b]: body for b, body in boards("2026-05-15").items()}) as server:
        result = fetch_live(SOURCE, tmp_path / "snapshots", server.url, timeout_s=120, scrapy_settings=FAST)
    assert len(result.snapshots) == 2  # HTTP 200: only the parser can tell the boards are empty
    con = warehouse_copy(replay_warehouse, tmp_path)
    try:
        before = con.execute(f"SELECT count(*) FROM raw.{SOURCE.raw_table}").fetchall()
        with pytest.raises(ParseError) as err:
            load_source(con, "aa_arena", SOURCE.raw_table, result.snapshots, options)
        assert str(err.value).startswith("aa_arena: cannot parse 2 snapshots: ")
        assert "the board is empty" in str(err.value)
        assert con.execute(f"SELECT count(*) FROM raw.{SOURCE.raw_table}").fetchall() == before == [(634,)]
        rejects = con.execute("SELECT count(*) FROM raw.snapshot_rejects WHERE source = 'aa_arena'").fetchall()
        assert rejects == [(2,)]
    finally:
        con.close()


def test_with_a_key_the_v2_api_is_read_and_the_key_stays_in_the_header(replay_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("AA_API_KEY", KEY)  # the spider reads it from its own environment
    with Boards({V2[b]: body for b, body in boards("2026-08-01").items()}) as server:
        result = fetch_live(SOURCE, tmp_path / "snapshots", server.url, timeout_s=120, scrapy_settings=FAST)
    api_hits = sorted(hit for hit in server.hits if hit[0] != "/robots.txt")
    assert api_hits == sorted((p, KEY) for p in V2.values())  # v2 only, key in the header
    assert all(key is None for path, key in server.hits if path == "/robots.txt")
    stored = [f for f in (tmp_path / "snapshots").rglob("*") if f.is_file()]
    assert len(stored) == 2 and not any(KEY.encode() in f.read_bytes() for f in stored)
    assert not any(KEY in s.url for s in result.snapshots)
    con = warehouse_copy(replay_warehouse, tmp_path, without_day="2026-08-01")
    try:
        report = load_source(con, "aa_arena", SOURCE.raw_table, result.snapshots, options)
        assert report.rows_loaded == 88 + 83
        build_model(con, "int", "int_aa_entries")
        rows = con.execute("""
            SELECT board, api_source, record_source, count(*), max(elo) FROM int.int_aa_entries
            WHERE snapshot_date = '2026-08-01' GROUP BY ALL ORDER BY ALL""").fetchall()
        assert rows == [
            ("image-to-video", "aa_v2_api", "aa_arena_snapshot", 83, 1370.0),
            ("text-to-video", "aa_v2_api", "aa_arena_snapshot", 88, 1323.0),
        ]
    finally:
        con.close()


def test_v2_only_without_a_key_is_skipped_not_failed(tmp_path, monkeypatch):
    monkeypatch.delenv("AA_API_KEY", raising=False)
    with Boards({}) as server:
        with pytest.raises(SourceSkipped, match="AA_API_KEY not set"):
            fetch_live(
                SOURCE,
                tmp_path / "snapshots",
                server.url,
                timeout_s=120,
                spider_args={"api": "v2"},
                scrapy_settings=FAST,
            )
    assert server.paths() == []


def _d(text: str) -> date:
    return date.fromisoformat(text)
