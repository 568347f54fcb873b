"""Claims ledger (Q7): every claim in claims.csv recomputed from the marts on each refresh, kept
per refresh day in marts.fct_claim_verdicts (rules in warehouse/claims/<claim_id>.sql)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from ...resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
from ..bundle import family
from ..checks import key_checks, range_check
from ..metadata import table_metadata
from ..sql_assets import upstream_keys
from .rules import CLAIMS_SQL, VERDICTS, evaluate_claims, rule_texts

# The claims table and every table a rule's SQL reads: the rules run after all of them.
UPSTREAM = upstream_keys(CLAIMS_SQL, *rule_texts().values())


@dg.asset(
    deps=UPSTREAM,
    pool=WAREHOUSE_WRITER_POOL,
    op_tags=WAREHOUSE_WRITER_TAG,
    kinds={"duckdb", "sql"},
    tags={"layer": "marts"},
    description="marts.fct_claim_verdicts: each press claim of claims.csv tested by its rule "
    "(warehouse/claims/<claim_id>.sql) over the marts: value, verdict (supported / partly / "
    "refuted / insufficient data), reason, the warehouse rows and URLs used and the curated "
    "evidence links. One row per claim and refresh day; a rerun replaces that day's rows.",
)
def fct_claim_verdicts(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    with duckdb.get_connection() as con:
        rows = evaluate_claims(con)
        meta = table_metadata(con, "marts.fct_claim_verdicts", "refresh_date")
    for row in rows:
        context.log.info(f"{row['claim_id']}: {row['verdict']} — {row['reason']}")
    meta.update(
        {
            f"verdicts_{v.replace(' ', '_')}": dg.MetadataValue.int(sum(r["verdict"] == v for r in rows))
            for v in VERDICTS
        }
    )
    return dg.MaterializeResult(metadata=meta)


declared = family(
    __name__,
    fct_claim_verdicts,
    *key_checks("fct_claim_verdicts", "marts.fct_claim_verdicts", ("claim_id", "refresh_date")),
    range_check(
        "fct_claim_verdicts",
        "marts.fct_claim_verdicts",
        "verdict_known",
        "verdict in ('supported', 'partly', 'refuted', 'insufficient data')",
        "every verdict is one of supported / partly / refuted / insufficient data",
    ),
)
