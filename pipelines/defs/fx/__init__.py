"""FX family: FRED DEXCHUS (a live download, or copies read from repositories that republish it; one
preferred per day by a written rule) and the ECB reference rates (fallback cross rate)."""

from ..bundle import family
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model

declared = family(
    __name__,
    # the manifest label reaches the parser: the series (DEXCHUS) or the country slice (China)
    *source_assets(
        "fred", keys=("record_index",), date_column="date", parse_options=lambda snap: {"label": snap.label or None}
    ),
    *source_assets("ecb", keys=("record_index",), date_column="date"),
    *sql_model("stg", "stg_fred__cny_per_usd"),
    *sql_model("stg", "stg_ecb__reference_rates"),
    *sql_model(
        "int",
        "int_fx_series",
    ),
    *sql_model("int", "int_fx_rates"),
    *sql_model(
        "marts",
        "fct_fx_rates",
        keys=("rate_date", "base_currency", "quote_currency", "source", "read_from"),
        date_column="rate_date",
    ),
    # CNY per USD within 5..9 is the operations rule fct_fx_rates:range_rate_in_range (ops/rules.py)
    range_check(
        "fct_fx_rates",
        "marts.fct_fx_rates",
        "one_preferred_rate_per_day",
        "1 = (select count(*) from marts.fct_fx_rates p where p.rate_date = fct_fx_rates.rate_date and p.is_preferred)",
        "exactly one source is marked preferred on each day",
    ),
)
