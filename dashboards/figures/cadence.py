"""Q3 cadence: when each lab shipped, releases per quarter by country, days between versions."""

from __future__ import annotations

from statistics import median

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text, totally_ordered
from ..names import Names, plural
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout

GROUPS = ("CN", "US", "other", "unknown")


def _layout(fig: go.Figure, y_title: str, height: int = 380) -> go.Figure:
    return base_layout(fig, y_title, height=height)


def _sources(frame: pl.DataFrame, column: str) -> list[str]:
    urls: set[str] = set()
    for cell in frame[column].drop_nulls().to_list():
        urls.update(u.strip() for u in cell.split(" ; ") if u.strip())
    return sorted(urls)


def _model_version(model: str | None, version: str | None) -> str:
    """'Project Genie' + 'Project Genie (Genie 3 prototype)' reads once, not twice."""
    model, version = (model or "").strip(), (version or "").strip()
    if not version or version in model:
        return model
    if model in version:
        return version
    return f"{model} {version}"


def _plot_position(row: dict) -> str:
    """Where a release sits on the time axis. A month-only date is drawn mid-month with an open
    marker; the stored value and the hover keep the month (never a made-up day)."""
    if row["date_precision"] == "day":
        return str(row["release_date"])
    return f"{row['release_date_text']}-15"


def timeline_chart(rows: pl.DataFrame) -> Chart:
    data = rows.sort("release_date_text", "lab_id", "model_key")
    fig = go.Figure()
    for group in GROUPS:
        part = data.filter(pl.col("country_group") == group)
        if part.is_empty():
            continue
        records = part.to_dicts()
        fig.add_trace(
            go.Scatter(
                x=[_plot_position(r) for r in records],
                y=[plot_text(r["lab_name"]) for r in records],
                mode="markers",
                name=COUNTRY_LABELS[group],
                meta={"group": group},
                marker={
                    "color": COUNTRY_COLORS[group],
                    "size": 10,
                    "line": {"width": 1.5, "color": COUNTRY_COLORS[group]},
                    "symbol": ["circle" if r["date_precision"] == "day" else "circle-open" for r in records],
                },
                text=[
                    plot_text(
                        f"{_model_version(r['model'], r['version'])} · {r['release_type']} · {r['release_date_text']}"
                        + (" (month only)" if r["date_precision"] == "month" else "")
                    )
                    for r in records
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    _layout(fig, "", height=560)
    counts = {g: data.filter(pl.col("country_group") == g).height for g in GROUPS}
    first, last = data["release_date_text"].min(), data["release_date_text"].max()
    lead = "Chinese" if counts["CN"] > counts["US"] else "U.S."
    title = (
        f"{lead} labs logged more dated releases: {counts['CN']} Chinese vs {counts['US']} U.S. "
        f"release events, {first} to {last}"
    )
    return Chart(
        slug="cadence-timeline",
        title=title,
        figure=fig,
        data=data.select(
            "lab_id",
            "lab_name",
            "country_group",
            "model",
            "version",
            "release_type",
            "release_date_text",
            "date_precision",
            "release_quarter",
            "is_open_weights",
            "dates_by_source",
            "source",
            "source_url",
            "curated_file",
            "curated_row",
            "snapshot_sha256",
        ),
        sources=sorted(set(data["source_url"].drop_nulls().to_list())),
        as_of=last,
        max_gap_days=0,
        terms=("release-event",),
        note="One marker per release event (announce, preview, GA, API, open weights). Filled: dated to "
        "the day; open: the source gives only the month (drawn mid-month, never given a day).",
    )


def quarterly_chart(rows: pl.DataFrame, sources: list[str]) -> Chart:
    """Distinct model versions per quarter of their preferred date (out_cadence_versions_quarterly).
    The quarter still open (is_partial_quarter) is drawn faded and hatched and named so in the title."""
    rows = totally_ordered(rows, "release_quarter")
    quarters = sorted(rows["release_quarter"].unique().to_list())
    partial = set(rows.filter(pl.col("is_partial_quarter"))["release_quarter"].to_list())
    labels = [f"{q} (partial)" if q in partial else q for q in quarters]
    fig = go.Figure()
    for group in GROUPS:
        part = dict(
            rows.filter(pl.col("country_group") == group).select("release_quarter", "model_versions").iter_rows()
        )
        if not part:
            continue
        fig.add_trace(
            go.Bar(
                x=labels,
                y=[part.get(q, 0) for q in quarters],
                name=COUNTRY_LABELS[group],
                marker={
                    "color": COUNTRY_COLORS[group],
                    "opacity": [0.45 if q in partial else 1.0 for q in quarters],
                    "pattern": {"shape": ["/" if q in partial else "" for q in quarters]},
                },
                meta={"group": group},
                hovertemplate="%{x}: %{y} model versions<extra></extra>",
            )
        )
    _layout(fig, "model versions").update_layout(barmode="group")
    whole = [q for q in quarters if q not in partial]
    latest_year = int(max(whole)[:4]) if whole else int(max(quarters)[:4])
    year = latest_year - 1 if any(q.startswith(str(latest_year - 1)) for q in whole) else latest_year
    in_year = rows.filter(pl.col("release_quarter").str.starts_with(str(year)) & ~pl.col("is_partial_quarter"))
    totals = {g: int(in_year.filter(pl.col("country_group") == g)["model_versions"].sum()) for g in GROUPS}
    cn, us = totals["CN"], totals["US"]
    who = (
        "Chinese labs shipped more model versions than U.S. labs"
        if cn > us
        else "U.S. labs shipped more model versions than Chinese labs"
        if us > cn
        else "Chinese and U.S. labs shipped as many model versions"
    )
    title = f"{who} in {year}: {cn} vs {us} distinct model versions"
    if partial:
        title += f" ({', '.join(sorted(partial))} is partial and drawn faded)"
    return Chart(
        slug="cadence-per-quarter",
        title=title,
        figure=fig,
        data=rows.select(
            "release_quarter",
            "country_group",
            "model_versions",
            "first_seen_only_versions",
            "month_precision_versions",
            "is_partial_quarter",
            "newest_data_through",
            "versions_listed",
        ),
        sources=sources,
        as_of=str(rows["newest_data_through"].max()),
        terms=("release-event",),
        note="Each model version counts once, in the quarter of its preferred date (a stated release date, "
        "else the earliest repository date or first sighting, which is an upper bound: 'by <date>'). "
        "A quarter that ends after the newest data-through date is partial. Every date of every version: "
        "out.out_cadence_versions (full data).",
    )


def gaps_chart(rows: pl.DataFrame, names: Names) -> Chart:
    gaps = rows.filter(pl.col("days_since_previous").is_not_null())
    per_lab = (
        gaps.group_by("lab_id", "country_group")
        .agg(pl.col("days_since_previous").median().alias("median_days"), pl.len().alias("gaps"))
        .sort("median_days")
    )
    fig = go.Figure()
    for group in GROUPS:
        part = per_lab.filter(pl.col("country_group") == group)
        if part.is_empty():
            continue
        fig.add_trace(
            go.Bar(
                x=[plot_text(names.lab(lab)) for lab in part["lab_id"].to_list()],
                y=part["median_days"].to_list(),
                marker_color=COUNTRY_COLORS[group],
                name=COUNTRY_LABELS[group],
                meta={"group": group},
                text=[plural(n, "interval") for n in part["gaps"].to_list()],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: median %{y} days between versions (%{text})<extra></extra>",
            )
        )
    _layout(fig, "median days between versions", height=420).update_xaxes(
        tickangle=-35, categoryorder="array", categoryarray=[plot_text(names.lab(lab)) for lab in per_lab["lab_id"]]
    )
    medians = {
        g: median(gaps.filter(pl.col("country_group") == g)["days_since_previous"].to_list())
        for g in ("CN", "US")
        if not gaps.filter(pl.col("country_group") == g).is_empty()
    }
    if len(medians) == 2:
        faster = "Chinese" if medians["CN"] < medians["US"] else "U.S."
        title = (
            f"{faster} labs ship new versions faster: median {medians['CN']:.0f} days between versions in "
            f"China vs {medians['US']:.0f} in the U.S. (day-dated versions only)"
        )
    else:
        title = "Days between consecutive versions per lab (day-dated versions only)"
    return Chart(
        slug="cadence-version-gaps",
        title=title,
        figure=fig,
        data=rows.select(
            "lab_id",
            "country_group",
            "model_key",
            "version_name",
            "first_release_type",
            "first_date",
            "previous_version",
            "previous_date",
            "days_since_previous",
            "source_url",
            "curated_row",
            "snapshot_sha256",
        ),
        sources=sorted(set(rows["source_url"].drop_nulls().to_list())),
        as_of=str(rows["first_date"].max()),
        note="A version is dated by its first release event; versions known only to the month are left "
        "out rather than given a day.",
    )


def cadence_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    charts = []
    timeline = con.sql("SELECT * FROM out.out_cadence_timeline").pl()
    if not timeline.is_empty():
        charts.append(timeline_chart(timeline))
    quarterly = con.sql("SELECT * FROM out.out_cadence_versions_quarterly ORDER BY release_quarter").pl()
    if not quarterly.is_empty():
        urls = con.sql("""SELECT DISTINCT preferred_source_url FROM out.out_cadence_versions
                          WHERE preferred_source_url IS NOT NULL ORDER BY 1""").fetchall()
        charts.append(quarterly_chart(quarterly, [u for (u,) in urls]))
    gaps = con.sql("SELECT * FROM out.out_cadence_version_gaps ORDER BY lab_id, first_date").pl()
    if not gaps.filter(pl.col("days_since_previous").is_not_null()).is_empty():
        charts.append(gaps_chart(gaps, Names(con)))
    return charts
