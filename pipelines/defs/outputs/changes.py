"""The change feed's table: what changed, recorded on every refresh.

Each kind of change is one query, ``warehouse/queries/changes_<kind>.sql``, that finds changes
inside the data itself (consecutive arena days, consecutive price observations, dated releases,
dated claim verdicts). The tables a query reads are parsed from its SQL; a kind whose tables do not
exist yet (another family not built) is skipped and reported, never faked. The previous state of
``marts.fct_changes`` stays in the warehouse between refreshes, so every change keeps the time of
the refresh that first recorded it (``first_seen_at``), and ``marts.change_refreshes``
(warehouse/ddl/marts/) logs each refresh, which is how the site tells "new since the previous
refresh" from "already known".
"""

from datetime import UTC, datetime, timedelta

import duckdb

from ...config import SQL_DIR
from ...warehouse import missing_tables, sql_text, table_exists, transaction

CHANGE_COLUMNS = ("change_date", "kind", "subject", "old_value", "new_value", "country_code", "detail", "source_url")


def change_queries() -> dict[str, str]:
    """kind -> SQL text, in file-name order (stable)."""
    return {
        p.stem.removeprefix("changes_"): sql_text(f"queries/{p.name}")
        for p in sorted((SQL_DIR / "queries").glob("changes_*.sql"))
    }


def _current_changes(con: duckdb.DuckDBPyConnection) -> tuple[list[str], dict[str, str]]:
    selects, skipped = [], {}
    for kind, sql in change_queries().items():
        missing = missing_tables(con, sql)
        if missing:
            skipped[kind] = "missing " + ", ".join(missing)
            continue
        body = sql.strip().rstrip(";")
        selects.append(f"SELECT {', '.join(CHANGE_COLUMNS)} FROM (\n{body}\n)")
    return selects, skipped


def record_changes(con: duckdb.DuckDBPyConnection, refreshed_at: datetime | None = None) -> dict:
    """Rebuild marts.fct_changes from the data, carrying first_seen_at over from the previous
    state, and log the refresh. Returns counts per kind and the kinds skipped (with why)."""
    refreshed_at = (refreshed_at or datetime.now(UTC)).replace(microsecond=0)
    selects, skipped = _current_changes(con)
    with transaction(con):
        con.execute(sql_text("ddl/marts/change_refreshes.sql"))
        had_previous = table_exists(con, "marts", "fct_changes")
        previous_at = con.execute("SELECT max(refreshed_at) FROM marts.change_refreshes").fetchall()[0][0]
        if previous_at is not None and refreshed_at <= previous_at:  # two refreshes within one second
            refreshed_at = previous_at + timedelta(seconds=1)
        if not had_previous:
            con.execute(
                "CREATE TEMP TABLE IF NOT EXISTS _no_previous_changes (change_id VARCHAR, first_seen_at TIMESTAMPTZ)"
            )
        previous = "marts.fct_changes" if had_previous else "_no_previous_changes"
        current = (
            "\nUNION ALL\n".join(selects)
            if selects
            else (
                "SELECT "
                + ", ".join(
                    f"CAST(NULL AS {'DATE' if c == 'change_date' else 'VARCHAR'}) AS {c}" for c in CHANGE_COLUMNS
                )
                + " WHERE false"
            )
        )
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _changes_now AS
            SELECT md5(concat_ws('|', kind, subject, CAST(change_date AS VARCHAR), coalesce(old_value, ''),
                                 coalesce(new_value, ''))) AS change_id, *
            FROM ({current})
            QUALIFY row_number() OVER (PARTITION BY change_id ORDER BY source_url, detail) = 1""")
        con.execute(
            f"""
            CREATE OR REPLACE TABLE marts.fct_changes AS
            SELECT c.change_id, CAST(c.change_date AS DATE) AS change_date, c.kind, c.subject, c.old_value,
                   c.new_value, c.country_code, c.detail, c.source_url,
                   coalesce(p.first_seen_at, CAST(? AS TIMESTAMPTZ)) AS first_seen_at
            FROM _changes_now AS c LEFT JOIN {previous} AS p USING (change_id)
            ORDER BY change_date, kind, subject, change_id""",
            [refreshed_at],
        )
        total, new = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE first_seen_at = ?) FROM marts.fct_changes", [refreshed_at]
        ).fetchall()[0]
        con.execute(
            "INSERT INTO marts.change_refreshes VALUES (?, ?, ?, ?, ?)",
            [refreshed_at, previous_at, total, new, "; ".join(f"{k}: {why}" for k, why in skipped.items()) or None],
        )
    per_kind = dict(con.execute("SELECT kind, count(*) FROM marts.fct_changes GROUP BY kind ORDER BY kind").fetchall())
    return {
        "refreshed_at": refreshed_at,
        "previous_refreshed_at": previous_at,
        "total": total,
        "new_this_refresh": new,
        "per_kind": per_kind,
        "skipped": skipped,
    }
