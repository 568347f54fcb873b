"""What every materialisation reports: row count, date range, distinct labs, a Markdown preview."""

import dagster as dg
import duckdb


def _markdown_preview(con: duckdb.DuckDBPyConnection, relation: str, limit: int = 5) -> str:
    cursor = con.execute(f"SELECT * FROM {relation} LIMIT {limit}")
    columns = [c[0] for c in cursor.description][:8]
    rows = cursor.fetchall()
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join(
        "| " + " | ".join(str(v).replace("|", "\\|")[:40] if v is not None else "∅" for v in row[:8]) + " |\n"
        for row in rows
    )
    return head + body


def table_metadata(con: duckdb.DuckDBPyConnection, relation: str, date_column: str | None = None) -> dict:
    columns = {r[0] for r in con.execute(f"DESCRIBE {relation}").fetchall()}
    dated = bool(date_column and date_column in columns)
    # one scan for every figure: a staging view runs its whole query each time it is read
    aggregates = ["count(*)"]
    aggregates += [f"min({date_column})", f"max({date_column})"] if dated else []
    aggregates += ["count(DISTINCT lab_id)"] if "lab_id" in columns else []
    figures = list(con.execute(f"SELECT {', '.join(aggregates)} FROM {relation}").fetchall()[0])
    meta: dict = {"row_count": dg.MetadataValue.int(figures.pop(0))}
    if dated:
        meta["date_min"] = dg.MetadataValue.text(str(figures.pop(0)))
        meta["date_max"] = dg.MetadataValue.text(str(figures.pop(0)))
    if "lab_id" in columns:
        meta["distinct_labs"] = dg.MetadataValue.int(figures.pop(0))
    meta["preview"] = dg.MetadataValue.md(_markdown_preview(con, relation))
    return meta
