"""The markets family alone (its Dagster group and what it reads: FRED's CNY rate, the recorded
stock sessions, the curated events) materialised into an empty warehouse: a break in this family
fails here, before the full replay. Real values of the committed recordings."""

from __future__ import annotations

from tests.support import materialize_family, query


def test_the_markets_family_builds_fx_stocks_and_the_event_study(tmp_path):
    materialize_family(tmp_path, "markets")
    warehouse = tmp_path / "videorace.duckdb"
    # FRED DEXCHUS, 2026-03-04: 6.8969 CNY per USD (the recorded CSV's row), preferred once
    assert query(
        warehouse,
        """SELECT base_currency, quote_currency, rate, is_preferred FROM marts.fct_fx_rates
           WHERE rate_date = DATE '2026-03-04' ORDER BY is_preferred DESC""",
    ) == [("USD", "CNY", 6.8969, True), ("USD", "CNY", 6.8969, False)]
    assert query(warehouse, "SELECT count(*), count(DISTINCT ticker) FROM marts.fct_stock_prices") == [(19825, 22)]
    events = query(
        warehouse,
        """SELECT event_id, ticker, round(day0_return_pct, 4) FROM out.out_event_study
           WHERE event_id IN ('genie_3', 'happyhorse_1_0', 'hunyuanvideo_1_5')
           ORDER BY event_id, ticker LIMIT 3""",
    )
    assert events == [
        ("genie_3", "GOOGL", -0.1897),
        ("happyhorse_1_0", "9988.HK", 2.1156),
        ("hunyuanvideo_1_5", "0700.HK", -0.241),
    ]
    assert query(warehouse, "SELECT count(*) FROM out.out_event_study WHERE window_status = 'complete'") == [
        (23,)
    ]  # 20 pairs to 2026-03, plus Runway GWM Worlds 2 (2026-09-03) against U, RBLX and TTWO
    tables = {t for (t,) in query(warehouse, "SELECT table_name FROM information_schema.tables")}
    assert "out_event_study" in tables and "fct_price_observations" not in tables
