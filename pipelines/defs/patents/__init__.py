"""Patents family (Q5): EPO OPS hit counts per CPC scope x publication country x year (live, with
a free key; three recorded OPS answers replay as unattributed examples), beside the curated WIPO /
Stanford HAI anchor figures, and the OWID/CSET all-AI applications per million as a second series."""

from ..bundle import family
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model

declared = family(
    __name__,
    # The snapshot label carries the query (scope, country, year) to the parser; the recorded
    # client examples are labelled `unattributed` (not a query of ours, never counted).
    *source_assets(
        "epo_ops", keys=("record_index",), date_column="fetched_at", parse_options=lambda snap: {"label": snap.label}
    ),
    *sql_model("stg", "stg_epo_ops__publication_counts"),
    *sql_model("stg", "stg_curated__patents_reported"),
    *sql_model(
        "marts",
        "fct_patent_counts",
        keys=("source", "scope", "country_code", "period"),
    ),
    range_check(
        "fct_patent_counts",
        "marts.fct_patent_counts",
        "count_non_negative",
        "count >= 0 and (record_source <> 'epo_ops' or year between 1990 and 2100)",
        "patent counts are non-negative and EPO rows carry a plausible year",
    ),
    *source_assets("owid_patents", keys=("record_index",), date_column="fetched_at"),
    *sql_model("stg", "stg_owid_patents__applications_per_million"),
    *sql_model(
        "marts",
        "fct_patent_applications_per_million",
        keys=("entity", "year"),
    ),
    range_check(
        "fct_patent_applications_per_million",
        "marts.fct_patent_applications_per_million",
        "rate_plausible",
        "applications_per_million >= 0 and year between 2000 and 2100",
        "a per-million rate is non-negative and dated",
    ),
    *sql_model(
        "out",
        "out_patent_counts",
        keys=("source", "scope", "country_code", "period"),
    ),
)
