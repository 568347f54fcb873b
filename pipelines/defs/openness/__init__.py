"""Openness family: Hugging Face Hub video models (live) and the Hub's trending list (recorded) ->
fct_open_model_stats; OpenRouter's LLM token panel -> the open-weight share of OpenRouter tokens
(LLM tokens, not video); and the Q4 outputs: open-weight share of releases, open models in the
arena top 10, downloads by country, the video models that trend."""

from ..bundle import family
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model

declared = family(
    __name__,
    *source_assets("hf_models", keys=("record_index",)),
    *source_assets("hf_trending", keys=("record_index",), date_column="fetched_at"),
    *sql_model("stg", "stg_hf_models__models"),
    *sql_model("stg", "stg_hf_trending__models"),
    *sql_model(
        "int",
        "int_open_models",
    ),
    *sql_model(
        "int",
        "int_hf_trending",
    ),
    *sql_model(
        "marts",
        "fct_open_model_stats",
        keys=("source", "model_id", "snapshot_sha256"),
        date_column="snapshot_date",
    ),
    range_check(
        "fct_open_model_stats",
        "marts.fct_open_model_stats",
        "counts_not_negative",
        "coalesce(downloads, 0) >= 0 and coalesce(likes, 0) >= 0",
        "the Hub never reports negative downloads or likes",
    ),
    *source_assets("openrouter_rankings", keys=("record_index",), date_column="date"),
    *sql_model("stg", "stg_openrouter_rankings__token_panel"),
    *sql_model("int", "int_openrouter_llm_tokens"),
    *sql_model(
        "marts",
        "fct_openrouter_llm_tokens",
        keys=("token_date", "model_permaslug", "variant"),
        date_column="token_date",
    ),
    *sql_model(
        "out",
        "out_openrouter_llm_open_share_daily",
        keys=("token_date", "country_group"),
        date_column="token_date",
    ),
    *sql_model("out", "out_open_share_yearly", keys=("release_year", "country_group")),
    *sql_model(
        "out",
        "out_open_arena_top10",
        keys=("board", "snapshot_date", "country_group"),
        date_column="snapshot_date",
    ),
    *sql_model(
        "out",
        "out_open_downloads_by_country",
        keys=("snapshot_date", "country_group"),
        date_column="snapshot_date",
    ),
    *sql_model("out", "out_open_trending_video_models", keys=("model_id",)),
    *sql_model(
        "out",
        "out_open_trending_video_by_country",
        keys=("snapshot_date", "country_group"),
        date_column="snapshot_date",
    ),
)
