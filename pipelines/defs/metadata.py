"""What every materialisation reports: row count, date range, distinct labs, a Markdown preview."""

import dagster as dg
import duckdb

from ..warehouse import is_view

PREVIEW_ROWS, PREVIEW_COLUMNS = 5, 8
# A staging view runs its whole query each time it is read (a LIMIT does not stop a
# window or an aggregate inside it): it is read once into this temporary table, then described.
SCRATCH = "temp.main.__table_metadata"


def _markdown_preview(columns: list[str], rows: list[tuple]) -> str:
    columns = columns[:PREVIEW_COLUMNS]
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join(
        "| "
        + " | ".join(str(v).replace("|", "\\|")[:40] if v is not None else "∅" for v in row[:PREVIEW_COLUMNS])
        + " |\n"
        for row in rows
    )
    return head + body


def table_metadata(con: duckdb.DuckDBPyConnection, relation: str, date_column: str | None = None) -> dict:
    """Two round trips whatever the table (the preview, whose cursor names the columns; then every
    figure in one scan), and a view's query runs once, not once per figure."""
    source = relation
    if is_view(relation):
        con.execute(f"CREATE OR REPLACE TEMP TABLE __table_metadata AS FROM {relation}")
        source = SCRATCH
    try:
        cursor = con.execute(f"SELECT * FROM {source} LIMIT {PREVIEW_ROWS}")
        columns = [c[0] for c in cursor.description]
        preview = _markdown_preview(columns, cursor.fetchall())
        dated = bool(date_column and date_column in columns)
        aggregates = ["count(*)"]
        aggregates += [f"min({date_column})", f"max({date_column})"] if dated else []
        aggregates += ["count(DISTINCT lab_id)"] if "lab_id" in columns else []
        figures = list(con.execute(f"SELECT {', '.join(aggregates)} FROM {source}").fetchall()[0])
    finally:
        if source == SCRATCH:
            con.execute(f"DROP TABLE IF EXISTS {SCRATCH}")
    meta: dict = {"row_count": dg.MetadataValue.int(figures.pop(0))}
    if dated:
        meta["date_min"] = dg.MetadataValue.text(str(figures.pop(0)))
        meta["date_max"] = dg.MetadataValue.text(str(figures.pop(0)))
    if "lab_id" in columns:
        meta["distinct_labs"] = dg.MetadataValue.int(figures.pop(0))
    meta["preview"] = dg.MetadataValue.md(preview)
    return meta
