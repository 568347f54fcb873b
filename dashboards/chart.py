"""A chart as the site shows it: a title that states the finding, a Plotly figure, its sources,
its data-as-of date and the rows behind it (offered as a table, a CSV download and a citation)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

import plotly.graph_objects as go
import polars as pl


@dataclass
class Chart:
    slug: str
    title: str
    figure: go.Figure
    data: pl.DataFrame
    sources: list[str]
    as_of: str | None
    note: str = ""
    stale_sources: list[str] = field(default_factory=list)
    terms: tuple[str, ...] = ()  # glossary entries (methodology.html#term-<key>) the chart uses
    max_gap_days: float | None = None  # a time series: the longest step a drawn line may span
    # The columns the page's table shows (empty: all), in this order: what the chart draws and a reader
    # needs to read it. The CSV keeps every column of `data`; a page stays small (12.2: <= 1.5 MB).
    table_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.slug = re.sub(r"[^a-z0-9-]+", "-", self.slug.lower()).strip("-")
        unknown = [c for c in self.table_columns if c not in self.data.columns]
        if unknown:
            raise ValueError(f"{self.slug}: table columns not in its data: {unknown}")


def totally_ordered(frame: pl.DataFrame, *keys: str) -> pl.DataFrame:
    """`frame` sorted by `keys`, ties broken by every other (flat) column: a total order, so the same
    rows give the same table, CSV and figure however the warehouse happened to store them."""
    rest = [name for name, dtype in frame.schema.items() if name not in keys and not dtype.is_nested()]
    return frame.sort([*keys, *rest], nulls_last=True)


def esc(value) -> str:
    """Everything scraped is escaped once before it reaches HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def plot_text(value) -> str:
    """Text for a Plotly label or hover. Plotly reads a small HTML subset (<b>, <br>, <a>) and
    decodes only &amp; &lt; &gt; (not &quot; or &#x27;), so escaping those three is escaping once:
    a scraped `<script>` shows as text and a quote shows as a quote."""
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_href(url: str) -> str | None:
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s<>\"']+$", url) else None


def json_for_script(value) -> str:
    """JSON safe inside a <script> element: '<', '>' and '&' become unicode escapes. Other text stays
    UTF-8, as the page is (an escaped "—" is 6 bytes, the character 3)."""
    text = (
        value
        if isinstance(value, str)
        else json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    )
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


FIGURE_DIGITS = 10  # significant digits of a drawn number: more than any axis, hover or label shows


def significant(value: float, digits: int) -> float:
    """`value` rounded to `digits` significant digits (0.026000000000000002 to 10 is 0.026)."""
    return float(f"{value:.{digits}g}")


def _shorten(value):
    """Floats to FIGURE_DIGITS significant digits (0.026000000000000002 is 0.026, 1347.0 is 1347):
    the digits past them are arithmetic noise no reader sees, at up to 20 bytes a number."""
    if isinstance(value, float):
        short = significant(value, FIGURE_DIGITS)
        return int(short) if short.is_integer() and abs(short) < 1e15 else short
    if isinstance(value, list):
        return [_shorten(v) for v in value]
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    return value


def figure_json(figure: go.Figure) -> str:
    """The figure without its template (the site ships plotly_white once, in chart-template.js)."""
    spec = json.loads(figure.to_json())
    spec.get("layout", {}).pop("template", None)
    return json_for_script(_shorten(spec))


# text a spreadsheet would run as a formula; such a cell gets a leading apostrophe in every CSV
FORMULA_START = r"^[=+\-@\t\r]"


def neutralise_csv(frame: pl.DataFrame) -> pl.DataFrame:
    """A text cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
    Numbers keep their type: a negative return stays a number, only text is touched."""
    text_columns = [c for c, t in frame.schema.items() if t == pl.Utf8]
    if not text_columns:
        return frame
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(FORMULA_START)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in text_columns
    )
