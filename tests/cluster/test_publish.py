"""The read-only copy readers open while the writer refreshes (pipelines/publish.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.config import PROJECT_ROOT, load_settings, read_copy_path
from pipelines.publish import publish_read_copy
from pipelines.refresh import _publish


def _writer(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA IF NOT EXISTS marts")
    con.execute("CREATE OR REPLACE TABLE marts.fct_demo AS SELECT range AS n FROM range(?)", [rows])
    con.close()


def _rows(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM marts.fct_demo").fetchall()[0][0]
    finally:
        con.close()


def test_the_default_copy_sits_beside_the_writer_and_a_hosted_warehouse_has_none():
    settings = load_settings({})
    assert settings.warehouse_path == PROJECT_ROOT / "warehouse" / "videorace.duckdb"
    assert settings.read_path == PROJECT_ROOT / "warehouse" / "videorace.read.duckdb"
    assert read_copy_path("/srv/w/videorace.duckdb", None) == Path("/srv/w/videorace.read.duckdb")
    assert read_copy_path("md:videorace", None) is None  # MotherDuck serves its own readers
    assert read_copy_path("/srv/w/videorace.duckdb", "") is None
    assert load_settings({"VIDEORACE_SNAPSHOT_DIR": "s3://b/p"}).snapshot_location == "s3://b/p"
    assert load_settings({"VIDEORACE_SNAPSHOT_URL": "s3://b/q"}).snapshot_location == "s3://b/q"


def test_readers_follow_the_published_copy_and_an_open_reader_keeps_its_state(tmp_path):
    writer, read = tmp_path / "videorace.duckdb", tmp_path / "videorace.read.duckdb"
    settings = load_settings({"VIDEORACE_WAREHOUSE": str(writer)})
    _writer(writer, 3)
    assert settings.reader_path == writer  # nothing published yet: readers open the writer's file
    publish_read_copy(writer, read)
    assert settings.reader_path == read and _rows(read) == 3
    notebook = duckdb.connect(str(read), read_only=True)  # an analyst's open connection
    writer_con = duckdb.connect(str(writer))  # the writer is not blocked by the reader
    writer_con.execute("INSERT INTO marts.fct_demo VALUES (3), (4)")
    writer_con.close()
    publish_read_copy(writer, read)
    assert notebook.execute("SELECT count(*) FROM marts.fct_demo").fetchall() == [(3,)]  # its state, whole
    notebook.close()
    assert _rows(read) == 5  # a new connection sees the new state
    assert sorted(p.name for p in tmp_path.iterdir()) == ["videorace.duckdb", "videorace.read.duckdb"]


def test_a_failed_refresh_publishes_nothing(tmp_path, capsys):
    writer, read = tmp_path / "videorace.duckdb", tmp_path / "videorace.read.duckdb"
    settings = load_settings({"VIDEORACE_WAREHOUSE": str(writer)})
    _writer(writer, 3)
    assert _publish(settings, 0) == 0 and _rows(read) == 3
    _writer(writer, 7)
    assert _publish(settings, 1) == 1
    assert _rows(read) == 3
    assert "keeps the last good state" in capsys.readouterr().err


def test_status_reads_the_latest_outcome_when_no_refresh_holds_the_writer(tmp_path):
    from pipelines.warehouse import open_for_reading, open_for_status

    writer = tmp_path / "videorace.duckdb"
    settings = load_settings({"VIDEORACE_WAREHOUSE": str(writer)})
    _writer(writer, 3)
    publish_read_copy(writer, tmp_path / "videorace.read.duckdb")
    _writer(writer, 7)  # a refresh that failed: nothing published, but status must show what happened
    for opener, rows in ((open_for_status, 7), (open_for_reading, 3)):
        con = opener(settings)
        assert con.execute("SELECT count(*) FROM marts.fct_demo").fetchall() == [(rows,)]
        con.close()
