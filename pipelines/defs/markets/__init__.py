"""Q6 markets, across families: event study of listed companies' returns (stocks) around dated
video-model launches (releases), and the press-reported moves beside ours."""

from ..bundle import family
from ..checks import range_check
from ..sql_assets import sql_model

declared = family(
    __name__,
    *sql_model(
        "int",
        "int_market_events",
    ),
    range_check(
        "int_market_events",
        "int.int_market_events",
        "event_dates_match_releases",
        "coalesce(release_date_matches, false)",
        "every seeded event date equals the release_date of the releases.csv row it cites",
    ),
    *sql_model("marts", "fct_market_events", keys=("event_id", "ticker"), date_column="event_date"),
    *sql_model("marts", "fct_earnings_days", keys=("ticker", "announcement_date"), date_column="announcement_date"),
    *sql_model("marts", "fct_market_moves_reported", keys=("curated_row",), date_column="event_date"),
    *sql_model(
        "marts",
        "fct_agreement_markets",
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
        keys=("event_id", "ticker", "rel_day"),
        date_column="trade_date",
    ),
    *sql_model(
        "out",
        "out_event_study",
        keys=("event_id", "ticker"),
        date_column="event_date",
    ),
    *sql_model(
        "out",
        "out_market_moves_reported_vs_computed",
        keys=("curated_row",),
        date_column="event_date",
    ),
)
