"""A warehouse built when a layer was of the other kind (int models were views until 2026-12-04)
rebuilds in place: build_model drops the old relation first, in the same transaction."""

from __future__ import annotations

import shutil

import duckdb

from pipelines.warehouse import build_model


def _kind(con, schema: str, name: str) -> list[tuple]:
    return con.execute(
        """SELECT 'view' FROM duckdb_views() WHERE schema_name = $1 AND view_name = $2
           UNION ALL SELECT 'table' FROM duckdb_tables() WHERE schema_name = $1 AND table_name = $2""",
        [schema, name],
    ).fetchall()


def test_a_view_left_by_an_older_build_becomes_its_table_and_back(replay_warehouse, tmp_path):
    path = tmp_path / "videorace.duckdb"
    shutil.copyfile(replay_warehouse / "videorace.duckdb", path)
    con = duckdb.connect(str(path))
    try:
        rows = con.execute("SELECT count(*) FROM int.int_fx_rates").fetchall()
        assert rows[0][0] > 0 and _kind(con, "int", "int_fx_rates") == [("table",)]
        con.execute("CREATE TABLE int.old_fx AS FROM int.int_fx_rates")
        con.execute("DROP TABLE int.int_fx_rates")
        con.execute("CREATE VIEW int.int_fx_rates AS FROM int.old_fx")  # what an older build left
        build_model(con, "int", "int_fx_rates")
        assert _kind(con, "int", "int_fx_rates") == [("table",)]
        assert con.execute("SELECT count(*) FROM int.int_fx_rates").fetchall() == rows
        con.execute("DROP VIEW stg.stg_fred__cny_per_usd")
        con.execute("CREATE TABLE stg.stg_fred__cny_per_usd AS SELECT 1 AS x")  # and the other way round
        build_model(con, "stg", "stg_fred__cny_per_usd")
        assert _kind(con, "stg", "stg_fred__cny_per_usd") == [("view",)]
    finally:
        con.close()
