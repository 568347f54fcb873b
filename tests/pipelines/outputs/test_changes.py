"""The change feed: new #1s found in consecutive arena days (real values), first_seen_at kept
across refreshes, kinds whose tables are absent skipped, and a valid, escaped Atom feed."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

import duckdb
import polars as pl

from dashboards.changes import FEED_ID, atom_feed, changes_section
from pipelines.defs.outputs.changes import record_changes
from pipelines.warehouse import missing_tables

ATOM = "{http://www.w3.org/2005/Atom}"


def test_new_leaders_come_from_consecutive_arena_days(warehouse_con):
    rows = warehouse_con.execute(
        """SELECT change_date, old_value, new_value, country_code, source_url FROM marts.fct_changes
           WHERE kind = 'new_leader' AND subject = 'arena.ai text-to-video' ORDER BY change_date"""
    ).fetchall()
    assert rows == [
        (
            date(2026, 4, 8),
            "veo-3.1-audio-1080p (US, 1381)",
            "dreamina-seedance-2.0-720p (CN, 1450)",
            "CN",
            "https://raw.githubusercontent.com/oolong-tea-2026/arena-ai-leaderboards/"
            "a2694df6580d2d4d61df7d1d23fd5cb83b13a143/data/2026-04-08/text-to-video.json",
        ),
        (date(2026, 6, 29), "dreamina-seedance-2.0-720p (CN, 1463)", "gemini-omni-flash (US, 1527)", "US", rows[1][4]),
        (
            date(2026, 8, 29),
            "gemini-omni-flash (US, 1512)",
            "gemini-omni-1.1-flash (US, 1515)",
            "US",
            "https://raw.githubusercontent.com/aabao325/arena-ai-leaderboards/"
            "5c84536aec65e86a6dfa5435e90dd7bc3fefd64e/data/2026-08-29/text-to-video.json",
        ),
    ]
    assert "2026-06-29/text-to-video.json" in rows[1][4]
    # video-edit: happyhorse-1.0 took #1 from grok-imagine-video on 2026-04-15
    edit = warehouse_con.execute("""SELECT old_value, new_value FROM marts.fct_changes
                                    WHERE subject = 'arena.ai video-edit' AND change_date = DATE '2026-04-15'""").fetchall()
    assert edit == [("grok-imagine-video (US, 1259)", "happyhorse-1.0 (CN, 1299)")]
    ids = warehouse_con.execute("SELECT count(*), count(DISTINCT change_id) FROM marts.fct_changes").fetchall()[0]
    assert ids[0] == ids[1] >= 10


def test_first_seen_is_kept_across_refreshes(replay_warehouse, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copy(replay_warehouse / "videorace.duckdb", copy)
    con = duckdb.connect(str(copy))
    try:
        before = dict(con.execute("SELECT change_id, first_seen_at FROM marts.fct_changes").fetchall())
        result = record_changes(con, datetime(2099, 1, 1, tzinfo=UTC))
        after = dict(con.execute("SELECT change_id, first_seen_at FROM marts.fct_changes").fetchall())
        assert after == before and result["new_this_refresh"] == 0
        assert result["per_kind"]["new_leader"] >= 10
        assert result["previous_refreshed_at"] is not None
        section, _ = changes_section(con)
        assert "found 0 changes not seen by the previous refresh" in section.intro
        # a correction in the data (a new #1 the previous state did not have) is new to this refresh
        con.execute("""UPDATE marts.fct_leaderboard_entries SET rank = 0
                       WHERE board = 'text-to-video' AND snapshot_date = DATE '2026-10-10' AND rank = 2""")
        result = record_changes(con, datetime(2099, 1, 2, tzinfo=UTC))
        assert result["new_this_refresh"] == 1
        section, _ = changes_section(con)
        assert "2099-01-02 00:00 UTC found 1 change not seen" in section.intro
    finally:
        con.close()


def test_kinds_with_absent_tables_are_skipped(warehouse_con):
    sql = "select board from marts.fct_leaderboard_entries join marts.fct_nowhere using (board)"
    assert missing_tables(warehouse_con, sql) == ["marts.fct_nowhere"]
    refresh = warehouse_con.execute("SELECT kinds_skipped FROM marts.change_refreshes").fetchall()
    assert len(refresh) == 1  # one refresh in the fixture warehouse


def test_atom_feed_is_valid_and_deterministic(replay_warehouse, warehouse_con):
    text = (replay_warehouse / "site" / "changes.atom").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}id").text == FEED_ID
    entries = root.findall(f"{ATOM}entry")
    total = warehouse_con.execute("SELECT count(*) FROM marts.fct_changes").fetchall()[0][0]
    assert len(entries) == min(total, 100)
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(FEED_ID + ":") for i in ids)
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert "new #1: arena.ai text-to-video: dreamina-seedance-2.0-720p (CN, 1450)" in titles
    assert root.find(f"{ATOM}updated").text == entries[0].find(f"{ATOM}updated").text
    frame = warehouse_con.sql(
        "SELECT * FROM marts.fct_changes ORDER BY change_date DESC, kind, subject, change_id"
    ).pl()
    assert atom_feed(frame, "videorace") == atom_feed(frame, "videorace")


def test_atom_escapes_scraped_text():
    evil = pl.DataFrame(
        {
            "change_date": [date(2026, 5, 1)],
            "kind": ["new_release"],
            "subject": ['<b>"x" & y</b>'],
            "old_value": [None],
            "new_value": ["]]><script>"],
            "country_code": [None],
            "detail": ["a < b & c"],
            "source_url": ["javascript:alert(1)"],
            "first_seen_at": [None],
            "change_id": ["abc"],
        }
    )
    root = ET.fromstring(atom_feed(evil, "t"))
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == 'new release: <b>"x" & y</b>: ]]><script>'
    assert entry.find(f"{ATOM}link") is None  # unsafe URL dropped


def test_price_and_release_queries_on_synthetic_tables():
    """The pricing and releases kinds, on the synthetic rows of tests/fixtures/synthetic (the real
    tables come from other families; when they are absent the kinds are skipped)."""
    from tests.support import PROJECT_ROOT

    con = duckdb.connect()
    con.execute((PROJECT_ROOT / "tests" / "fixtures" / "synthetic" / "changes_tables_synthetic.sql").read_text())
    result = record_changes(con, datetime(2026, 3, 2, tzinfo=UTC))
    assert result["per_kind"] == {"new_release": 1, "price_change": 1}
    assert set(result["skipped"]) == {"new_leader", "claim_verdict"}
    price = con.execute(
        "SELECT change_date, old_value, new_value, source_url FROM marts.fct_changes WHERE kind = 'price_change'"
    ).fetchall()
    assert price == [(date(2026, 3, 1), "$0.105/s", "$0.05/s", "https://example.invalid/a3")]  # +5% is not a change
    release = con.execute(
        "SELECT change_date, subject, new_value FROM marts.fct_changes WHERE kind = 'new_release'"
    ).fetchall()
    assert release == [(date(2026, 2, 10), "synthetic-model-a 1.0", "ga")]
    con.close()
