"""A chart as the site shows it: a title that states the finding, a Plotly figure, its sources,
its data-as-of date and the rows behind it (offered as a CSV download)."""

from __future__ import annotations

import html
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

    def __post_init__(self) -> None:
        self.slug = re.sub(r"[^a-z0-9-]+", "-", self.slug.lower()).strip("-")


def esc(value) -> str:
    """Everything scraped is escaped before it reaches HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_href(url: str) -> str | None:
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s<>\"']+$", url) else None


def figure_json(figure: go.Figure) -> str:
    """Plotly JSON safe to inline in a <script>: '<', '>' and '&' become unicode escapes."""
    return figure.to_json().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
