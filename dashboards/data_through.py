"""The age of the numbers: the date each family's data runs to, read from marts.dim_source_data_through
(each source's newest observation, not its load time), for the header of every page."""

from __future__ import annotations

import duckdb
import polars as pl

from .chart import esc
from .sources import table_exists

FAMILY_LABELS = {
    "leaderboards": "Arena boards",
    "pricing": "Prices",
    "releases": "Releases",
    "openness": "Openness",
    "fx": "FX",
    "stocks": "Stocks",
    "patents": "Patents",
}


def source_dates(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """family, source, data_through (text), precision: the sources that have dated rows."""
    if not table_exists(con, "marts", "dim_source_data_through"):
        return pl.DataFrame(
            schema={"family": pl.Utf8, "source": pl.Utf8, "data_through": pl.Utf8, "precision": pl.Utf8}
        )
    return con.sql("""SELECT family, source, CAST(data_through AS VARCHAR) AS data_through,
                             data_through_precision AS precision
                      FROM marts.dim_source_data_through WHERE data_through IS NOT NULL
                      ORDER BY family, data_through DESC, source""").pl()


def _shown(day: str, precision: str | None) -> str:
    return day[:4] if precision == "year" else day


def data_through_html(con: duckdb.DuckDBPyConnection) -> str:
    """'Data through: Arena boards 2026-10-10 (AA 2026-08-01, ...) · Prices 2026-11-20 · ...': one
    date per family (its newest source), every other source of the family named beside it, so no
    family's age hides behind another's."""
    dates = source_dates(con)
    if dates.is_empty():
        return ""
    parts = []
    for family in sorted(
        dates["family"].unique().to_list(), key=lambda f: list(FAMILY_LABELS).index(f) if f in FAMILY_LABELS else 99
    ):
        rows = dates.filter(pl.col("family") == family).to_dicts()
        first, rest = rows[0], rows[1:]
        others = ", ".join(f"{r['source']} {_shown(r['data_through'], r['precision'])}" for r in rest)
        title = "; ".join(f"{r['source']}: data through {r['data_through']}" for r in rows)
        parts.append(
            f'<span class="through" title="{esc(title)}"><b>{esc(FAMILY_LABELS.get(family, family))}</b> '
            f"{esc(_shown(first['data_through'], first['precision']))}"
            + (f' <span class="through-more">({esc(first["source"])}; {esc(others)})</span>' if others else "")
            + "</span>"
        )
    return f'<p class="sub data-through">Data through: {" · ".join(parts)}</p>'
