"""Pricing family: Runway, Gemini, fal.ai and Alibaba price pages and LiteLLM's price catalogue
(snapshots -> raw), the curated price list and LiteLLM's five-release price history, joined into
bitemporal price observations and the China vs U.S. price per second."""

from ...curated import unit_price_usd
from ..bundle import family
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model

FCT = "marts.fct_price_observations"
# (provider, model, tier, resolution, audio, clip length, observed_at, source URL), NULL-safe
NATURAL_KEY_UNIQUE = (
    f"1 = (select count(*) from {FCT} as o where o.provider = fct_price_observations.provider"
    " and o.model = fct_price_observations.model"
    + "".join(
        f" and o.{c} is not distinct from fct_price_observations.{c}"
        for c in ("tier", "resolution", "has_audio", "clip_seconds", "observed_at", "source_url", "billing_unit")
    )
    + ")"
)

declared = family(
    __name__,
    # the dollar value of a Runway credit is a cited seed row (warehouse/seeds/unit_prices.csv)
    *source_assets(
        "runway_pricing",
        keys=("record_index",),
        parse_options=lambda snap: {"usd_per_credit": unit_price_usd("runway", "credit")},
    ),
    *source_assets("gemini_pricing", keys=("record_index",)),
    *source_assets("fal_pricing", keys=("record_index",)),
    *source_assets("alibaba_pricing", keys=("record_index",)),
    *source_assets("litellm_pricing", keys=("record_index",), date_column="fetched_at"),
    *sql_model("stg", "stg_runway_pricing__prices"),
    *sql_model("stg", "stg_gemini_pricing__prices"),
    *sql_model("stg", "stg_fal_pricing__prices"),
    *sql_model("stg", "stg_alibaba_pricing__prices"),
    *sql_model("stg", "stg_litellm_pricing__prices"),
    *sql_model(
        "int",
        "int_price_quotes",
    ),
    *sql_model(
        "int",
        "int_price_observations",
    ),
    *sql_model(
        "marts",
        "fct_price_observations",
        keys=("observation_id",),
        date_column="valid_from",
    ),
    range_check(
        "fct_price_observations",
        FCT,
        "natural_key_unique",
        NATURAL_KEY_UNIQUE,
        "(provider, model, tier, resolution, audio, clip length, billing unit, observed_at, source_url) "
        "identifies one observation",
    ),
    range_check(
        "fct_price_observations",
        FCT,
        "usd_per_second_plausible",
        "price_usd_per_s is null or price_usd_per_s between 0.001 and 5",
        "one second of generated video costs between $0.001 and $5",
    ),
    range_check(
        "fct_price_observations",
        FCT,
        "agrees_with_curated_usd",
        "source_usd_per_s is null or abs(price_usd_per_s - source_usd_per_s) <= 0.0005",
        "where pricing.csv states a USD per second, the computed figure matches it (to rounding)",
    ),
    range_check(
        "fct_price_observations",
        FCT,
        "cny_has_fx_when_converted",
        "native_currency <> 'CNY' or price_usd_per_s is null or (fx_rate_cny_per_usd is not null "
        "and fx_date is not null)",
        "every CNY price turned into USD names its FX rate and date",
    ),
    *sql_model(
        "out",
        "out_price_per_second",
        keys=("observation_id",),
        date_column="valid_from",
    ),
    *sql_model("out", "out_price_country_summary", keys=("comparison",)),
    # the price-quality frontier by country: arena scores against prices through model families
    *sql_model(
        "out",
        "out_price_quality_points",
        keys=("board", "price_spec", "pairing", "snapshot_date", "model"),
        date_column="snapshot_date",
    ),
    *sql_model(
        "out",
        "out_price_quality_levels",
        keys=("board", "price_spec", "pairing", "price_level_usd_per_s"),
        date_column="snapshot_date",
    ),
    *sql_model(
        "out",
        "out_price_quality_frontier_moves",
        keys=("board", "price_spec", "country_code"),
        date_column="last_day",
    ),
)
