"""The claims ledger: each claim in claims.csv is a rule, warehouse/claims/<claim_id>.sql, a SELECT
over the marts returning one row (value, verdict, reason, evidence, evidence_urls, data_through).
The tables a rule reads are parsed from its SQL (`warehouse.tables_read`); ``data_through`` is the
newest date of the evidence it used (the data's date, not the refresh's). A rule whose tables are
absent (a family not built yet), that fails, or that returns something unexpected gives
'insufficient data' with the reason, never a crash. Verdicts are stored per refresh day in
marts.fct_claim_verdicts: a rerun on the same day replaces that day's rows, other days stay.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import duckdb

from ...config import SQL_DIR
from ...warehouse import ensure_table, missing_tables, sql_text, transaction

VERDICTS = ("supported", "partly", "refuted", "insufficient data")
RULE_COLUMNS = ("value", "verdict", "reason", "evidence", "evidence_urls")
# the newest date of the evidence a rule used; NULL when the rule read no dated row
DATA_THROUGH = "data_through"
INSUFFICIENT = "insufficient data"


CLAIMS_SQL = """SELECT claim_id, claim_text, metric, value_in_article, evidence_source_url, curated_file, curated_row
FROM raw.raw_curated__claims ORDER BY curated_row"""


def rule_path(claim_id: str) -> str:
    return f"claims/{claim_id}.sql"


def rule_texts() -> dict[str, str]:
    """claim_id -> the rule's SQL, for every rule file (file-name order)."""
    return {p.stem: sql_text(rule_path(p.stem)) for p in sorted((SQL_DIR / "claims").glob("*.sql"))}


def _insufficient(reason: str) -> dict:
    return {
        "value": None,
        "verdict": INSUFFICIENT,
        "reason": reason,
        "evidence": None,
        "evidence_urls": None,
        DATA_THROUGH: None,
    }


def run_rule(con: duckdb.DuckDBPyConnection, claim_id: str) -> dict:
    """One claim's result as a dict of RULE_COLUMNS plus rule_file and rule_sha256."""
    relative = rule_path(claim_id)
    if not (SQL_DIR / relative).exists():
        return {
            **_insufficient(f"no rule written yet (warehouse/{relative})"),
            "rule_file": f"warehouse/{relative}",
            "rule_sha256": None,
        }
    sql = sql_text(relative)
    meta = {"rule_file": f"warehouse/{relative}", "rule_sha256": hashlib.sha256(sql.encode()).hexdigest()}
    missing = missing_tables(con, sql)
    if missing:
        return {**_insufficient("the tables this rule reads are not built yet: missing " + ", ".join(missing)), **meta}
    try:
        cursor = con.execute(sql)
        columns = [c[0] for c in cursor.description]
        rows = cursor.fetchall()
    except duckdb.Error as exc:
        first_line = str(exc).strip().splitlines()[0][:300]
        return {**_insufficient(f"the rule could not run on the current warehouse: {first_line}"), **meta}
    if len(rows) != 1 or not set(RULE_COLUMNS) <= set(columns):
        return {
            **_insufficient(
                f"the rule returned {len(rows)} rows with columns {columns}, expected one row with {list(RULE_COLUMNS)}"
            ),
            **meta,
        }
    raw = dict(zip(columns, rows[0], strict=True))
    result: dict[str, str | date | None] = {k: (None if raw[k] is None else str(raw[k])) for k in RULE_COLUMNS}
    through = raw.get(DATA_THROUGH)
    if through is not None and not isinstance(through, date):
        return {**_insufficient(f"the rule returned data_through {through!r}, expected a DATE"), **meta}
    result[DATA_THROUGH] = through
    if result["verdict"] not in VERDICTS:
        return {**_insufficient(f"the rule returned an unknown verdict {result['verdict']!r}"), **meta}
    result["reason"] = result["reason"] or "(the rule gave no reason)"
    return {**result, **meta}


def claims(con: duckdb.DuckDBPyConnection) -> list[dict]:
    cursor = con.execute(CLAIMS_SQL)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def evaluate_claims(
    con: duckdb.DuckDBPyConnection, refresh_date: date | None = None, computed_at: datetime | None = None
) -> list[dict]:
    """Run every claim's rule and store the results as the verdicts of `refresh_date` (today, UTC,
    by default). Returns the stored rows."""
    refresh_date = refresh_date or datetime.now(UTC).date()
    computed_at = computed_at or datetime.now(UTC).replace(microsecond=0)
    rows = []
    for claim in claims(con):
        result = run_rule(con, claim["claim_id"])
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "refresh_date": refresh_date,
                "claim_text": claim["claim_text"],
                "metric": claim["metric"],
                "value_in_article": claim["value_in_article"],
                "value": result["value"],
                "verdict": result["verdict"],
                "reason": result["reason"],
                "warehouse_evidence": result["evidence"],
                "warehouse_source_urls": result["evidence_urls"],
                "data_through": result[DATA_THROUGH],
                "curated_evidence_urls": claim["evidence_source_url"],
                "rule_file": result["rule_file"],
                "rule_sha256": result["rule_sha256"],
                "computed_at": computed_at,
                "curated_file": claim["curated_file"],
                "curated_row": int(claim["curated_row"]),
            }
        )
    ensure_table(con, "ddl/marts", "fct_claim_verdicts")
    columns = list(rows[0]) if rows else []
    with transaction(con):
        con.execute("DELETE FROM marts.fct_claim_verdicts WHERE refresh_date = ?", [refresh_date])
        for row in rows:
            con.execute(
                f"INSERT INTO marts.fct_claim_verdicts ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                list(row.values()),
            )
    return rows
