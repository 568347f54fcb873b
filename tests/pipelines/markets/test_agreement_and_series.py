"""FX and stocks on the replay warehouse: every series kept with where it was read, one preferred by
the written rule, the newest dates of the recordings reached, and disagreements between sources
listed in fct_agreement_markets (with a warn-severity check)."""

from __future__ import annotations

import dagster as dg
import pytest

AGREEMENT_COLUMNS = [
    "family",
    "fact",
    "source_a",
    "source_b",
    "compared_on",
    "n_compared",
    "n_over_tolerance",
    "tolerance",
    "max_abs_diff",
    "preferred_source",
    "rule",
]


def test_fx_second_series_reaches_2026_09_25(warehouse_con):
    rows = warehouse_con.execute(
        """SELECT rate_date::VARCHAR, rate, read_from, is_preferred FROM marts.fct_fx_rates
           WHERE rate_date IN ('2026-09-18', '2026-09-25') ORDER BY 1, source_rank"""
    ).fetchall()
    assert rows == [
        ("2026-09-18", 6.6975, "vichobug/fx-hedging-sim", True),
        ("2026-09-18", 6.6975, "datasets/exchange-rates", False),
        ("2026-09-25", 6.711, "datasets/exchange-rates", True),
    ]


def test_agreement_table_columns_and_fx_pair(warehouse_con):
    columns = [r[0] for r in warehouse_con.execute("DESCRIBE marts.fct_agreement_markets").fetchall()]
    assert columns == AGREEMENT_COLUMNS
    fx = warehouse_con.execute(
        """SELECT source_a, source_b, n_compared, n_over_tolerance, max_abs_diff, preferred_source, compared_on
           FROM marts.fct_agreement_markets WHERE family = 'fx'"""
    ).fetchall()
    assert fx == [
        (
            "fred:datasets/exchange-rates",
            "fred:vichobug/fx-hedging-sim",
            430,
            0,
            0.0,
            "fred:vichobug/fx-hedging-sim",
            "rate_date (2025-01-02 → 2026-09-18)",
        )
    ]


def test_stock_repositories_disagree_where_the_adjustment_basis_differs(warehouse_con):
    rows = {
        (f, a, b): (n, over, diff)
        for f, a, b, n, over, diff in warehouse_con.execute(
            """SELECT fact, source_a, source_b, n_compared, n_over_tolerance, max_abs_diff
           FROM marts.fct_agreement_markets WHERE family = 'stocks'"""
        ).fetchall()
    }
    raw, held = "stock_csv:alm0421/alm0421 (raw)", "stock_csv:Stell0/financealerts2 (mixed)"
    assert rows[("close U", held, raw)] == (404, 0, 0.0)  # no dividend: identical to the cent
    # GOOGL's held file is dividend-adjusted in segments: 241 of 404 days differ by more than a cent
    assert rows[("close GOOGL", held, raw)] == (404, 241, 0.8051)
    assert rows[("close NTES", held, raw)][1] > 0


def test_sources_agree_check_warns(warehouse_con):
    from pipelines.defs.bundle import definitions
    from pipelines.defs.markets import declared

    # the check runs in the step that builds its asset: its spec is on that multi-asset
    defs = definitions(declared)
    specs = [s for a in [*defs.assets, *defs.asset_checks] for s in getattr(a, "check_specs", [])]
    spec = next(s for s in specs if s.name == "sources_agree")
    assert spec.asset_key == dg.AssetKey("fct_agreement_markets")
    from pipelines.defs.checks import range_check

    # the same rule the family declares: it fails (a warning) on the real recordings, where GOOGL, JD,
    # NTES and SPY differ by adjustment basis between repositories
    check = range_check(
        "fct_agreement_markets", "marts.fct_agreement_markets", "sources_agree", "n_over_tolerance = 0", ""
    )
    passed, meta = check.evaluate(warehouse_con)
    assert not passed and meta["rows_out_of_range"] == 10 and check.severity == dg.AssetCheckSeverity.WARN


def test_preferred_stock_series_and_newest_dates(warehouse_con):
    newest = dict(
        warehouse_con.execute(
            "SELECT ticker, max(trade_date)::VARCHAR FROM marts.fct_stock_prices WHERE is_preferred GROUP BY 1"
        ).fetchall()
    )
    assert newest["U"] == newest["SPY"] == "2026-10-06" and newest["RBLX"] == "2026-09-25"
    assert (newest["META"], newest["2513.HK"], newest["0100.HK"]) == ("2026-08-21", "2026-03-26", "2026-03-26")
    googl = warehouse_con.execute(
        """SELECT read_from, adjustment, close FROM marts.fct_stock_prices
           WHERE ticker = 'GOOGL' AND trade_date = '2025-01-02' AND is_preferred"""
    ).fetchall()
    assert googl == [("alm0421/alm0421", "raw", 189.43)]  # the raw close, never its adj_close twin
    adjusted = warehouse_con.execute(
        """SELECT close FROM marts.fct_stock_prices WHERE ticker = 'GOOGL' AND trade_date = '2025-01-02'
           AND read_from = 'alm0421/alm0421' AND adjustment = 'adjusted'"""
    ).fetchall()
    assert adjusted == [(188.325,)]


def test_a_switch_of_series_is_flagged_not_spliced_silently(warehouse_con):
    switches = warehouse_con.execute(
        """SELECT ticker, trade_date::VARCHAR, read_from FROM marts.fct_stock_sessions
           WHERE switches_series AND ticker IN ('U', 'SPY') ORDER BY 1"""
    ).fetchall()
    assert switches == [
        ("SPY", "2026-09-28", "klevera-lgtm/stockjeokrib"),
        ("U", "2026-09-28", "klevera-lgtm/stockjeokrib"),
    ]


def test_listings_seed_cites_every_row(warehouse_con):
    rows = warehouse_con.execute(
        "SELECT ticker, exchange, currency, company_country_code, source_url, basis FROM marts.dim_listings"
    ).fetchall()
    assert len(rows) == 22 and all(r[4] and r[5] for r in rows)
    by = {r[0]: r for r in rows}
    assert by["2513.HK"][1:4] == ("HKEX", "HKD", "CN") and by["0100.HK"][1:4] == ("HKEX", "HKD", "CN")
    assert by["MSFT"][3] is None  # no labs.csv row: unknown, not guessed
    assert warehouse_con.execute(
        "SELECT count(*) FROM marts.fct_stock_prices WHERE ticker IN ('META', 'MSFT', 'NVDA') AND is_preferred"
    ).fetchall() == [(1230,)]


@pytest.mark.parametrize("sql", ["VALUES", "values ("])
def test_dim_listings_is_not_typed_in_sql(sql):
    from pipelines.config import SQL_DIR

    assert sql not in (SQL_DIR / "marts" / "dim_listings.sql").read_text()
