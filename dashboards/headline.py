"""A headline number on the overview: its value, the rows it was computed from and its links."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import polars as pl


@dataclass
class Headline:
    key: str  # the CSV is data/overview-<key>.csv
    label: str
    value: str
    detail: str
    rows: pl.DataFrame  # the rows the number was computed from, with source URLs
    as_of: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, "#chart-or-section")
    country: str | None = None

    @property
    def csv_name(self) -> str:
        return f"overview-{self.key}.csv"


def has_columns(con: duckdb.DuckDBPyConnection, relation: str, *columns: str) -> bool:
    schema, table = relation.split(".")
    have = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()
    }
    return bool(have) and set(columns) <= have


def link_to(anchors: set[str], *candidates: tuple[str, str]) -> list[tuple[str, str]]:
    """The first candidate anchor present on the page (a chart id or a section id)."""
    for label, anchor in candidates:
        if anchor in anchors:
            return [(label, f"#{anchor}")]
    return []
