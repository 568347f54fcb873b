"""Patents family (Q5): EPO OPS hit counts per CPC scope x publication country x year (live, with
a free key), beside the curated WIPO / Stanford HAI anchor figures."""


from ..bundle import definitions
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model

defs = definitions(
    # The snapshot label carries the query (scope, country, year) to the parser.
    *source_assets("epo_ops", keys=("record_index",), date_column="fetched_at",
                   parse_options=lambda snap: {"label": snap.label}),
    *sql_model("marts", "fct_patent_counts", group="patents",
               deps=["raw_patents__epo_ops", "raw_curated__patents_reported"],
               keys=("source", "scope", "country_code", "period")),
    range_check("fct_patent_counts", "marts.fct_patent_counts", "count_non_negative",
                "count >= 0 and (record_source <> 'epo_ops' or year between 1990 and 2100)",
                "patent counts are non-negative and EPO rows carry a plausible year"),
    *sql_model("out", "out_patent_counts", group="patents", deps=["fct_patent_counts"],
               keys=("source", "scope", "country_code", "period")),
)
