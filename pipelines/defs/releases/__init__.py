"""Releases family: README News sections, GitHub releases and OpenRouter's model list (snapshots ->
raw) with the curated release table, into fct_releases (every source's date side by side, one
preferred) and the Q3 cadence outputs."""

from ..bundle import family
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model

FCT = "marts.fct_releases"

declared = family(
    __name__,
    # the README's repo comes from the spider's label (owner/repo), not from the text
    *source_assets("github_readme", keys=("record_index",), parse_options=lambda snap: {"repo": snap.label or None}),
    *source_assets("github_releases", keys=("record_index",), parse_options=lambda snap: {"repo": snap.label or None}),
    *source_assets("openrouter", keys=("record_index",), date_column="created_date"),
    *sql_model("stg", "stg_github_readme__lines"),
    *sql_model("stg", "stg_github_releases__releases"),
    *sql_model("stg", "stg_openrouter__video_models"),
    *sql_model(
        "int",
        "int_release_lab_names",
        keys=("name_key",),
    ),
    *sql_model(
        "int",
        "int_release_events",
    ),
    *sql_model(
        "marts",
        "fct_releases",
        keys=("source", "source_record_id"),
        date_column="release_date",
    ),
    range_check(
        "fct_releases",
        FCT,
        "one_preferred_per_release",
        f"1 = (select count(*) from {FCT} as o where o.release_key = fct_releases.release_key and o.is_preferred)",
        "every release (lab + model + version + type) has exactly one preferred row",
    ),
    range_check(
        "fct_releases",
        FCT,
        "precision_never_padded",
        "(date_precision = 'day') = (release_date is not null) "
        "and (date_precision is null or length(release_date_text) = "
        "case date_precision when 'day' then 10 when 'month' then 7 else 4 end)",
        "a DATE only for day-precision rows; month and year dates stay YYYY-MM / YYYY",
    ),
    *sql_model(
        "out",
        "out_cadence_quarterly",
        keys=("release_quarter", "country_group", "release_type"),
    ),
    *sql_model(
        "out",
        "out_cadence_version_gaps",
        keys=("lab_id", "model_key"),
        date_column="first_date",
    ),
    *sql_model(
        "marts",
        "fct_model_version_dates",
        keys=("version_key", "source", "source_record", "date_kind", "date_text"),
        date_column="date_floor",
    ),
    *sql_model("out", "out_cadence_versions", keys=("version_key",), date_column="preferred_date"),
    *sql_model("out", "out_cadence_versions_quarterly", keys=("release_quarter", "country_group")),
    *sql_model("out", "out_cadence_timeline", keys=("source", "source_record_id")),
)
