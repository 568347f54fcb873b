"""What a materialisation reports about its table (pipelines/defs/metadata.py)."""

import duckdb

from pipelines.defs.metadata import table_metadata


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA marts; CREATE SCHEMA int")
    con.execute("""CREATE TABLE marts.fct_x AS SELECT * FROM (VALUES
                   (DATE '2026-01-02', 'lab_a', 'x|y'), (DATE '2026-03-04', 'lab_b', NULL),
                   (DATE '2025-12-31', 'lab_a', 'z'))
                   AS t(day, lab_id, note)""")
    # a view whose every read runs its window: reported from one read
    con.execute("CREATE VIEW int.int_x AS SELECT day, row_number() OVER (ORDER BY day) AS n FROM marts.fct_x")
    return con


def test_a_table_reports_its_count_dates_labs_and_a_preview():
    meta = table_metadata(_warehouse(), "marts.fct_x", "day")
    assert meta["row_count"].value == 3
    assert (meta["date_min"].value, meta["date_max"].value) == ("2025-12-31", "2026-03-04")
    assert meta["distinct_labs"].value == 2
    lines = meta["preview"].value.splitlines()
    assert lines[:2] == ["| day | lab_id | note |", "|---|---|---|"]
    assert sorted(lines[2:]) == sorted(
        ["| 2026-01-02 | lab_a | x\\|y |", "| 2026-03-04 | lab_b | ∅ |", "| 2025-12-31 | lab_a | z |"]
    )


def test_a_view_is_described_from_one_read_and_leaves_nothing_behind():
    con = _warehouse()
    meta = table_metadata(con, "int.int_x", "day")
    assert meta["row_count"].value == 3 and "distinct_labs" not in meta
    assert (meta["date_min"].value, meta["date_max"].value) == ("2025-12-31", "2026-03-04")
    assert meta["preview"].value.splitlines()[0] == "| day | n |"
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall() == [(0,)]


def test_an_absent_date_column_gives_no_date_range():
    meta = table_metadata(_warehouse(), "marts.fct_x", "released_on")
    assert set(meta) == {"row_count", "distinct_labs", "preview"}
