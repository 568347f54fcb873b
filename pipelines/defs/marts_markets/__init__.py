"""Q6 markets: event study of listed companies' returns around dated video-model launches, and the
press-reported moves beside ours."""

from ..bundle import definitions
from ..checks import range_check
from ..sql_assets import sql_model

defs = definitions(
    *sql_model(
        "stg",
        "stg_market_events",
        group="markets",
        deps=["raw_curated__events", "raw_curated__releases", "raw_curated__release_candidates", "dim_listings"],
    ),
    range_check(
        "stg_market_events",
        "stg.stg_market_events",
        "event_dates_match_releases",
        "coalesce(release_date_matches, false)",
        "every seeded event date equals the release_date of the releases.csv row it cites",
    ),
    *sql_model("stg", "stg_stock_sessions", group="markets", deps=["fct_stock_prices"]),
    *sql_model(
        "marts",
        "fct_agreement_markets",
        group="markets",
        deps=["fct_stock_prices", "fct_fx_rates", "raw_curated__stock_csv_series"],
        keys=("family", "fact", "source_a", "source_b"),
    ),
    range_check(
        "fct_agreement_markets",
        "marts.fct_agreement_markets",
        "sources_agree",
        "n_over_tolerance = 0",
        "two sources of one market fact (two stock repositories for a ticker and day; two FRED "
        "copies) agree within the stated tolerance; a pair that does not is a warning, both kept",
    ),
    *sql_model(
        "out",
        "out_event_study_daily",
        group="markets",
        deps=["stg_market_events", "stg_stock_sessions", "dim_listings"],
        keys=("event_id", "ticker", "rel_day"),
        date_column="trade_date",
    ),
    *sql_model(
        "out",
        "out_event_study",
        group="markets",
        deps=["out_event_study_daily", "stg_market_events", "stg_stock_sessions", "raw_curated__earnings_days"],
        keys=("event_id", "ticker"),
        date_column="event_date",
    ),
    *sql_model(
        "out",
        "out_market_moves_reported_vs_computed",
        group="markets",
        deps=["raw_curated__market_moves_reported", "stg_stock_sessions"],
        keys=("curated_row",),
        date_column="event_date",
    ),
)
