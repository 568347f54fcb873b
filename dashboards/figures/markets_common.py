"""Q6 markets: what the market charts share (the Genie event id, window colours, layout, URL and
percent formatting)."""

from __future__ import annotations

import re

import plotly.graph_objects as go

from ..theme import COUNTRY_COLORS, base_layout

GENIE = "project_genie"
WINDOW_COLORS = {"[-1,+1]": COUNTRY_COLORS["US"], "[0,+5]": "#9bb7e0"}


def _layout(fig: go.Figure, y_title: str, height: int = 400) -> go.Figure:
    return base_layout(fig, y_title, height=height)


def _urls(*cells) -> list[str]:
    urls: set[str] = set()
    for cell in cells:
        for value in cell if isinstance(cell, list) else [cell]:
            if value:
                urls.update(u.strip() for u in str(value).split(";") if u.strip())
    return sorted(urls)


def _pct(value: float | None) -> str:
    return "unknown" if value is None else f"{value:+.1f}%"


def _launch_name(event_id: str, event_name: str | None) -> str:
    """A launch's short name for an axis label: 'Wan 2.1 open weights released' -> 'Wan 2.1'."""
    name = event_name or event_id
    short = re.split(
        r" (?:open weights|released|announced|generally|unveiled|launch|goes|available|preview)\b", name, maxsplit=1
    )[0]
    return short.removeprefix("Google ").strip() or name
