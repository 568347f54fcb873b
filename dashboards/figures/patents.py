"""Q5 patents: the published WIPO anchor (CN vs US generative-AI patent families) and, when EPO OPS
was fetched live, yearly publication counts per CPC scope and country."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text
from ..gaps import YEARLY, break_gaps
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout

WIPO_SCOPE_PREFIX = "generative AI inventions (WIPO"
WIPO_REPORT_DATE = "2024-07-03"  # WIPO Patent Landscape Report on GenAI, publication date (patents_reported.csv notes)


def _layout(fig: go.Figure, y_title: str) -> go.Figure:
    return base_layout(fig, y_title, height=360)


def _group(country: str) -> str:
    return country if country in ("CN", "US") else "other"


def wipo_anchor_chart(rows: pl.DataFrame) -> Chart:
    data = rows.filter(
        (pl.col("source") == "WIPO 2024")
        & pl.col("scope").str.starts_with(WIPO_SCOPE_PREFIX)
        & (pl.col("country_code") != "ALL")
    ).sort("count", descending=True)
    fig = go.Figure(
        go.Bar(
            x=data["country_code"].to_list(),
            y=data["count"].to_list(),
            marker_color=[COUNTRY_COLORS[_group(c)] for c in data["country_code"].to_list()],
            text=[f"{n:,}" for n in data["count"].to_list()],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,} patent families<extra></extra>",
        )
    )
    _layout(fig, "GenAI patent families, 2014-2023")
    counts = dict(zip(data["country_code"].to_list(), data["count"].to_list(), strict=True))
    cn, us = counts.get("CN"), counts.get("US")
    if cn and us:
        lead = "China" if cn > us else "the U.S."
        title = (
            f"{lead} holds the most generative-AI patent families: CN {cn:,} vs US {us:,} "
            f"({max(cn, us) / min(cn, us):.1f}x), 2014-2023 (WIPO 2024)"
        )
    else:
        title = "Generative-AI patent families by inventor country, 2014-2023 (WIPO 2024)"
    return Chart(
        slug="patents-wipo-anchor",
        title=title,
        figure=fig,
        data=data.select(
            "source", "scope", "country_code", "period", "count", "unit", "source_url", "curated_file", "curated_row"
        ),
        sources=sorted(set(data["source_url"].to_list())),
        as_of=WIPO_REPORT_DATE,
        note="Counted by inventor country over the whole period as the report gives it; the period is "
        "not spread over years.",
    )


def epo_yearly_charts(rows: pl.DataFrame) -> list[Chart]:
    epo = rows.filter(pl.col("record_source") == "epo_ops").sort("scope", "country_code", "year")
    charts = []
    for scope in epo["scope"].unique(maintain_order=True).to_list():
        part = epo.filter(pl.col("scope") == scope)
        fig = go.Figure()
        for country in part["country_code"].unique(maintain_order=True).to_list():
            line = part.filter(pl.col("country_code") == country)
            group = _group(country)
            x, y = break_gaps(line["year"].to_list(), line["count"].to_list(), max_gap=YEARLY)
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=y,
                    mode="lines+markers",
                    meta={"group": group},
                    name=plot_text(COUNTRY_LABELS.get(country, country)),
                    line={"color": COUNTRY_COLORS[group], "dash": "solid" if group != "other" else "dot"},
                )
            )
        _layout(fig, "published documents per year")
        last_year = part["year"].max()
        latest = {r["country_code"]: r["count"] for r in part.filter(pl.col("year") == last_year).iter_rows(named=True)}
        cn, us = latest.get("CN"), latest.get("US")
        title = (
            f"EPO OPS {scope}: CN {cn:,} vs US {us:,} publications in {last_year}"
            if cn is not None and us is not None
            else f"EPO OPS {scope}: publications per year by publication country"
        )
        charts.append(
            Chart(
                slug=f"patents-epo-{scope}",
                title=title,
                figure=fig,
                data=part.select(
                    "scope",
                    "country_code",
                    "year",
                    "count",
                    "unit",
                    "wipo_genai_families",
                    "source_url",
                    "snapshot_sha256",
                ),
                sources=sorted(set(part["source_url"].to_list()))[:50],
                as_of=str(last_year),
                max_gap_days=YEARLY,
                note=f"{COUNTRY_LABELS['CN']} and {COUNTRY_LABELS['US']} publications (by publication "
                "office, not inventor country); WIPO 2014-2023 families alongside in the CSV.",
            )
        )
    return charts


def patent_charts(con: duckdb.DuckDBPyConnection) -> tuple[list[Chart], bool]:
    """The charts, and whether any EPO OPS counts were present."""
    rows = con.sql("SELECT * FROM out.out_patent_counts").pl()
    charts = [wipo_anchor_chart(rows)] if not rows.filter(pl.col("source") == "WIPO 2024").is_empty() else []
    epo = epo_yearly_charts(rows)
    return charts + epo, bool(epo)
