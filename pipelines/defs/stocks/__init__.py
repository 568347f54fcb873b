"""Stocks family: Yahoo v8 chart JSON (live) and the recorded daily price CSVs, into one fact table."""

from ..bundle import family
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model


def _ticker_from_label(snap) -> dict:
    # the recordings' manifest label (and the live spiders' request label) is the ticker
    return {"ticker": snap.label or None}


declared = family(
    __name__,
    *source_assets("yahoo", keys=("record_index",), date_column="date", parse_options=_ticker_from_label),
    *source_assets("stock_csv", keys=("record_index",), date_column="date", parse_options=_ticker_from_label),
    *sql_model("stg", "stg_yahoo__bars"),
    *sql_model("stg", "stg_stock_csv__bars"),
    *sql_model(
        "int",
        "int_stock_prices",
    ),
    *sql_model(
        "marts",
        "fct_stock_prices",
        keys=("ticker", "trade_date", "source", "read_from", "adjustment"),
        date_column="trade_date",
    ),
    *sql_model(
        "marts",
        "fct_stock_price_rejects",
        keys=("ticker", "trade_date", "source", "read_from", "adjustment"),
        date_column="trade_date",
    ),
    *sql_model("marts", "fct_stock_sessions", keys=("ticker", "trade_date"), date_column="trade_date"),
    range_check(
        "fct_stock_prices",
        "marts.fct_stock_prices",
        "one_preferred_bar_per_day",
        "1 = (select count(*) from marts.fct_stock_prices p where p.ticker = fct_stock_prices.ticker "
        "and p.trade_date = fct_stock_prices.trade_date and p.is_preferred)",
        "exactly one bar is preferred per ticker and trading day",
    ),
    range_check(
        "fct_stock_prices",
        "marts.fct_stock_prices",
        "ohlc_consistent",
        "close > 0 and (high is null or low is null or (high >= low and close between low * 0.999 and high * 1.001))",
        "prices are positive and the close lies within the day's low-high range",
    ),
)
