"""The age of every number (issue 10.2), on the bundled replay: each source's data-through date (its
newest observation, not its load time) in the warehouse, status, the freshness checks, the site
header, the stale badges and the exports' as_of."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pipelines.cli import main


def test_data_through_of_each_recorded_source(warehouse_con):
    rows = dict(
        warehouse_con.execute(
            "SELECT source, data_through FROM marts.dim_source_data_through WHERE data_through IS NOT NULL"
        ).fetchall()
    )
    assert rows == {
        "arena": date(2026, 10, 10),
        "aa_arena": date(2026, 8, 1),
        "lmarena_dataset": date(2026, 8, 14),
        "litellm_pricing": date(2026, 11, 20),
        "fred": date(2026, 9, 25),
        "stock_csv": date(2026, 10, 6),
        "hf_trending": date(2026, 8, 22),
        "openrouter_rankings": date(2026, 8, 8),
        "owid_patents": date(2019, 12, 31),  # a publication year runs to its last day
    }


def test_the_sql_registry_repeats_pipelines_sources(warehouse_con):
    from pipelines.sources import CADENCE_MAX_AGE_DAYS, SOURCES

    rows = warehouse_con.execute(
        "SELECT source, family, cadence, max_age_days FROM marts.dim_source_data_through"
    ).fetchall()
    assert sorted(rows) == sorted(
        (name, s.family, s.cadence, CADENCE_MAX_AGE_DAYS[s.cadence]) for name, s in SOURCES.items()
    )


def test_status_reports_data_through_and_judges_staleness_by_it(warehouse_con):
    from pipelines.status import source_status

    status = source_status(warehouse_con, now=datetime(2026, 10, 11, 12, tzinfo=UTC))
    rows = {r["source"]: r for r in status.iter_rows(named=True)}
    assert (rows["arena"]["data_through"], rows["arena"]["data_age_days"], rows["arena"]["stale"]) == (
        date(2026, 10, 10),
        1,
        False,
    )
    # loaded today, but its data ends 2026-08-01: 71 days for a daily source
    assert (rows["aa_arena"]["data_through"], rows["aa_arena"]["data_age_days"], rows["aa_arena"]["stale"]) == (
        date(2026, 8, 1),
        71,
        True,
    )


def test_freshness_check_fires_with_the_data_date_in_its_metadata(warehouse_con):
    from pipelines.defs.ops import freshness_check
    from pipelines.defs.ops.health import freshness

    verdict = freshness(warehouse_con, "arena", now=datetime(2026, 10, 20, tzinfo=UTC))
    assert verdict["fresh"] is False
    assert (verdict["data_through"], verdict["data_age_days"], verdict["max_age_days"]) == ("2026-10-10", 10, 2)
    assert verdict["reason"] == "arena: data through 2026-10-10, 10 days before 2026-10-20 (cadence allows 2)"
    assert freshness(warehouse_con, "arena", now=datetime(2026, 10, 11, tzinfo=UTC))["fresh"] is True
    # the Dagster check as defined (wall clock: any day after 2026-10-12 finds the replay stale)
    passed, metadata = freshness_check("lmarena_dataset", "raw_leaderboards__lmarena_dataset").evaluate(warehouse_con)
    assert passed is False and metadata["data_through"] == "2026-08-14"


def test_export_as_of_is_the_tables_own_newest_date(replay_warehouse, warehouse_con, tmp_path, monkeypatch, capsys):
    import duckdb

    monkeypatch.setenv("VIDEORACE_WAREHOUSE", str(replay_warehouse / "videorace.duckdb"))
    assert main(["export", "--format", "parquet", "--out", str(tmp_path)]) == 0
    newest = warehouse_con.execute("SELECT max(trade_date) FROM marts.fct_stock_prices").fetchall()[0][0]
    assert newest == date(2026, 10, 6)
    con = duckdb.connect()
    as_of = con.execute(f"SELECT DISTINCT as_of FROM '{tmp_path / 'marts.fct_stock_prices.parquet'}'").fetchall()
    assert as_of == [(newest,)]
    assert f"{tmp_path / 'marts.fct_stock_prices.parquet'}  " in capsys.readouterr().out


def test_site_header_shows_one_date_per_family(replay_warehouse):
    html = (replay_warehouse / "site" / "quality.html").read_text(encoding="utf-8")
    header = html[html.index("<header>") : html.index("</header>")]
    assert "Data as of" not in header
    for text in (
        "<b>Arena boards</b> 2026-10-10",
        "lmarena_dataset 2026-08-14, aa_arena 2026-08-01",
        "<b>Prices</b> 2026-11-20",
        "<b>FX</b> 2026-09-25",
        "<b>Stocks</b> 2026-10-06",
        "<b>Openness</b> 2026-08-22",
        "<b>Patents</b> 2019",
    ):
        assert text in header, text
    # the replay's arena data ends 2026-10-10: past its daily cadence, every quality chart says so
    assert "stale: arena (data to 2026-10-10)" in html
