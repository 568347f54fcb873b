"""Claims ledger (Q7): every claim in claims.csv recomputed from the marts on each refresh, kept
per refresh day in marts.fct_claim_verdicts (rules in warehouse/claims/<claim_id>.sql)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from ...config import SQL_DIR
from ...resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
from ...warehouse import REQUIRES
from ..bundle import definitions
from ..checks import key_checks, range_check
from ..metadata import table_metadata
from .rules import VERDICTS, evaluate_claims


def tables_rules_read() -> list[str]:
    """The tables named on the rules' `-- requires:` lines that some family builds from a SQL file
    (warehouse/<schema>/<table>.sql), so the rules run after them. Read from files, not by importing
    the other families (which import each other to find their own upstreams). A table no family
    builds yet is simply not a dependency; its rule reports 'insufficient data'."""
    tables = set()
    for rule in sorted((SQL_DIR / "claims").glob("*.sql")):
        for schema, table, _ in REQUIRES.findall(rule.read_text(encoding="utf-8")):
            if (SQL_DIR / schema / f"{table}.sql").exists():
                tables.add(table)
    return sorted(tables)


@dg.asset(
    pool=WAREHOUSE_WRITER_POOL,
    op_tags=WAREHOUSE_WRITER_TAG,
    group_name="claims",
    deps=["raw_curated__claims", *tables_rules_read()],
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


defs = definitions(
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
