"""`videorace export`: one file per marts/out table with the warehouse's row count and a non-null
as_of; a clear error when the warehouse is missing; the warehouse opened read-only."""

from __future__ import annotations

import hashlib

import duckdb

from pipelines.cli import main


def test_export_parquet_matches_the_warehouse(replay_warehouse, warehouse_con, tmp_path, monkeypatch, capsys):
    path = replay_warehouse / "videorace.duckdb"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setenv("VIDEORACE_WAREHOUSE", str(path))
    assert main(["export", "--format", "parquet", "--out", str(tmp_path / "x")]) == 0
    out = capsys.readouterr().out
    tables = warehouse_con.execute("""SELECT table_schema || '.' || table_name FROM information_schema.tables
                                      WHERE table_schema IN ('marts', 'out')
                                        AND table_type = 'BASE TABLE'""").fetchall()
    assert {p.name for p in (tmp_path / "x").iterdir()} == {f"{t}.parquet" for (t,) in tables}
    target = tmp_path / "x" / "marts.fct_leaderboard_entries.parquet"
    assert f"{target}  " in out and "as_of 2026-10-10" in out
    expected = warehouse_con.execute("SELECT count(*) FROM marts.fct_leaderboard_entries").fetchall()[0][0]
    con = duckdb.connect()
    rows, nulls, as_of = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE as_of IS NULL), CAST(max(as_of) AS VARCHAR) FROM '{target}'"
    ).fetchall()[0]
    assert (rows, nulls, as_of) == (expected, 0, "2026-10-10")
    top = con.execute(f"""SELECT model, score, country_code FROM '{target}'
                          WHERE board = 'text-to-video' AND snapshot_date = DATE '2026-10-10'
                            AND rank = 1""").fetchall()
    assert top == [("gemini-omni-1.1-flash", 1516, "US")]
    dim_labs = tmp_path / "x" / "marts.dim_labs.parquet"
    labs = con.execute(f"SELECT count(*), count(as_of) FROM '{dim_labs}'").fetchall()[0]
    assert labs[0] == labs[1] > 0  # no date column: the warehouse's data-as-of
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest  # read-only: the warehouse is untouched


def test_export_csv(replay_warehouse, warehouse_con, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VIDEORACE_WAREHOUSE", str(replay_warehouse / "videorace.duckdb"))
    assert main(["export", "--format", "csv", "--out", str(tmp_path)]) == 0
    text = (tmp_path / "out.out_leaderboard_country_daily.csv").read_text(encoding="utf-8").splitlines()
    expected = warehouse_con.execute("SELECT count(*) FROM out.out_leaderboard_country_daily").fetchall()[0][0]
    assert len(text) == expected + 1 and text[0].endswith(",as_of")
    assert "csv files in" in capsys.readouterr().out


def test_export_without_a_warehouse_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VIDEORACE_WAREHOUSE", str(tmp_path / "missing.duckdb"))
    assert main(["export", "--out", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert "no warehouse at" in err and "missing.duckdb" in err
    assert not (tmp_path / "missing.duckdb").exists()
