"""Q4 openness: open-weight share of model versions by country and year, open models in the
arena.ai top 10 over time, and (live only) Hugging Face downloads by country."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, esc, plot_text
from ..gaps import DAILY_BOARD_DAYS, break_gaps
from ..names import Names, plural
from ..sources import board_order
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout

GROUPS = ("CN", "US", "other", "unknown")
# the open-weight share is charted for the generation boards; the editing board is left out
EDIT_BOARDS = ("video-edit",)


def _layout(fig: go.Figure, y_title: str) -> go.Figure:
    return base_layout(fig, y_title)


def _sources(frame: pl.DataFrame, column: str = "source_urls") -> list[str]:
    urls: set[str] = set()
    for cell in frame[column].drop_nulls().to_list():
        urls.update(u.strip() for u in cell.split(" ; ") if u.strip())
    return sorted(urls, reverse=True)


def open_share_chart(rows: pl.DataFrame) -> Chart:
    data = rows.sort("release_year", "country_group")
    years = sorted(data["release_year"].unique().to_list())
    # the year still open is labelled partial on the axis, faded, and never the title's year
    partial = set(data.filter(pl.col("is_partial_year"))["release_year"].to_list())
    labels = {y: f"{y} (partial)" if y in partial else str(y) for y in years}
    fig = go.Figure()
    for group in GROUPS:
        part = {r["release_year"]: r for r in data.filter(pl.col("country_group") == group).iter_rows(named=True)}
        if not part:
            continue
        fig.add_trace(
            go.Bar(
                x=[labels[y] for y in years],
                y=[part[y]["open_share_pct"] if y in part else None for y in years],
                name=COUNTRY_LABELS[group],
                marker={"color": COUNTRY_COLORS[group], "opacity": [0.45 if y in partial else 1.0 for y in years]},
                meta={"group": group},
                cliponaxis=False,
                text=[
                    f"{part[y]['open_versions']} of {part[y]['open_versions'] + part[y]['closed_versions']}"
                    if y in part
                    else ""
                    for y in years
                ],
                textposition="outside",
                hovertemplate="%{x}: %{y}% open (%{text} versions of known status)<extra></extra>",
            )
        )
    _layout(fig, "open-weight share (%)").update_layout(barmode="group")
    fig.update_yaxes(range=[0, 110])
    latest = max(years)
    whole = [y for y in years if y not in partial]
    year = max(whole) if whole else latest
    row = {r["country_group"]: r for r in data.filter(pl.col("release_year") == year).iter_rows(named=True)}
    cn, us = row.get("CN"), row.get("US")
    if cn and us:

        def known(r: dict) -> int:
            return r["open_versions"] + r["closed_versions"]

        cn_pct, us_pct = cn["open_share_pct"] or 0, us["open_share_pct"] or 0
        who = "China" if cn_pct > us_pct else "The U.S." if us_pct > cn_pct else "Neither country"
        title = (
            f"{who} released a larger open-weight share of its new video models in {year}: "
            f"{cn['open_versions']} of {known(cn)} Chinese versions vs {us['open_versions']} of {known(us)} U.S."
        )
    else:
        title = "Open-weight share of new model versions by country and year"
    return Chart(
        slug="open-share-by-year",
        title=title,
        figure=fig,
        data=data.select(
            "release_year",
            "country_group",
            "model_versions",
            "open_versions",
            "closed_versions",
            "unknown_versions",
            "open_share_pct",
            "is_partial_year",
            "versions_listed",
            "source_urls",
        ),
        sources=_sources(data),
        as_of=str(latest),
        terms=("open-weight", "release-event"),
        note="A model version counts once, in the year of its first dated release; versions whose "
        "weights status no source states are listed as unknown and left out of the share."
        + (
            f" {', '.join(str(y) for y in sorted(partial))} is partial: the data do not cover the whole year."
            if partial
            else ""
        ),
    )


def _open_models_text(cell: str | None, names: Names) -> str:
    """'minimax-h3 (#6, open)' -> 'MiniMax H3 (#6, open)'."""
    text = cell or ""
    for slug in sorted(names.models, key=len, reverse=True):
        if slug in text:
            text = text.replace(slug, names.model(slug))
    return text


def arena_open_sentence(data: pl.DataFrame, board: str, names: Names) -> str:
    """When open-weight models reached the top 10 on at most one day, a sentence says it better
    than a chart of one bar."""
    days = data["snapshot_date"].n_unique()
    hits = data.filter(pl.col("open_in_top10") > 0).sort("snapshot_date")
    if hits.is_empty():
        text = f"arena.ai {board}: no open-weight model was in the top 10 on any of the {days} snapshot days."
    else:
        parts = [
            f"{_open_models_text(r['open_models'], names)} ({COUNTRY_LABELS.get(r['country_group'], 'unknown')})"
            for r in hits.iter_rows(named=True)
        ]
        text = (
            f"arena.ai {board}: open-weight models reached the top 10 on only 1 of {days} snapshot days, "
            f"{hits['snapshot_date'][0]}: " + ", ".join(parts) + "."
        )
    return f'<p class="finding">{esc(text)}</p>\n'


def arena_open_chart(rows: pl.DataFrame, board: str, names: Names) -> Chart | str:
    data = rows.filter(pl.col("board") == board).sort("snapshot_date", "country_group")
    if (
        data.filter(pl.col("open_in_top10") > 0)["snapshot_date"].n_unique() <= 1
        and data["unknown_licence_in_top10"].sum() == 0
    ):
        return arena_open_sentence(data, board, names)
    fig = go.Figure()
    for group in GROUPS:
        part = data.filter(pl.col("country_group") == group)
        if part["open_in_top10"].sum() == 0:
            continue
        fig.add_trace(
            go.Bar(
                x=part["snapshot_date"].cast(pl.Utf8).to_list(),
                y=part["open_in_top10"].to_list(),
                name=f"open, {COUNTRY_LABELS[group]}",
                marker_color=COUNTRY_COLORS[group],
                meta={"group": group},
                text=[plot_text(_open_models_text(m, names)) for m in part["open_models"].to_list()],
                textposition="none",  # hover only: a label per thin daily bar would not fit
                hovertemplate="%{x}: %{y} open (%{text})<extra></extra>",
            )
        )
    unknown = data.group_by("snapshot_date").agg(pl.col("unknown_licence_in_top10").sum()).sort("snapshot_date")
    if unknown["unknown_licence_in_top10"].sum() > 0:
        x, y = break_gaps(
            unknown["snapshot_date"].cast(pl.Utf8).to_list(),
            unknown["unknown_licence_in_top10"].to_list(),
            max_gap=DAILY_BOARD_DAYS,
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines+markers",
                name="licence unknown",
                line={"color": COUNTRY_COLORS["unknown"], "dash": "dot"},
            )
        )
    _layout(fig, "open-weight models in the top 10").update_layout(barmode="stack")
    fig.update_yaxes(range=[0, 10])
    day = data["snapshot_date"].max()
    latest = data.filter(pl.col("snapshot_date") == day)
    open_now = int(latest["open_in_top10"].sum())
    days_with_open = data.filter(pl.col("open_in_top10") > 0)["snapshot_date"].n_unique()
    if open_now:
        by = {r["country_group"]: r["open_in_top10"] for r in latest.iter_rows(named=True) if r["open_in_top10"]}
        who = ", ".join(f"{n} {COUNTRY_LABELS[g]}" for g, n in by.items())
        title = (
            f"arena.ai {board}: {plural(open_now, 'open-weight model')} in the top 10 on {day} ({who}); "
            f"open models reached the top 10 on {days_with_open} of {data['snapshot_date'].n_unique()} days"
        )
    else:
        title = (
            f"arena.ai {board}: no open-weight model in the top 10 on {day}; open models reached it on "
            f"{days_with_open} of {data['snapshot_date'].n_unique()} days"
        )
    return Chart(
        slug=f"open-arena-top10-{board}",
        title=title,
        figure=fig,
        data=data.select(
            "board",
            "snapshot_date",
            "country_group",
            "top10_entries",
            "open_in_top10",
            "closed_in_top10",
            "unknown_licence_in_top10",
            "open_models",
            "source_urls",
        ),
        sources=_sources(data),
        as_of=str(day),
        terms=("open-weight",),
        max_gap_days=DAILY_BOARD_DAYS,
        note="Open or closed per the arena's licence field, else the model family's cited flag; an entry "
        "neither states is counted as unknown, never as closed.",
    )


def downloads_chart(rows: pl.DataFrame) -> Chart:
    day = rows["snapshot_date"].max()
    data = rows.filter(pl.col("snapshot_date") == day).sort("downloads_30d", descending=True)
    fig = go.Figure(
        go.Bar(
            x=[COUNTRY_LABELS[g] for g in data["country_group"].to_list()],
            y=data["downloads_30d"].to_list(),
            marker_color=[COUNTRY_COLORS[g] for g in data["country_group"].to_list()],
            text=[plot_text(m) for m in data["top_model"].to_list()],
            hovertemplate="%{x}: %{y:,} downloads (top: %{text})<extra></extra>",
        )
    )
    _layout(fig, "downloads, last 30 days (Hub API)")
    top = data.row(0, named=True)
    title = (
        f"{COUNTRY_LABELS[top['country_group']]} organisations' video models lead Hugging Face downloads on "
        f"{day}: {top['downloads_30d']:,} in 30 days across {top['models']} models"
    )
    return Chart(
        slug="open-downloads-by-country",
        title=title,
        figure=fig,
        data=rows.select(
            "snapshot_date",
            "country_group",
            "models",
            "downloads_30d",
            "likes",
            "top_model",
            "top_model_downloads_30d",
            "source_urls",
        ),
        sources=_sources(data),
        as_of=str(day),
    )


def openness_charts(con: duckdb.DuckDBPyConnection) -> tuple[list[Chart], bool, list[str]]:
    """The charts, whether a Hugging Face snapshot has been loaded (live only), and sentences for
    what a chart would show as a single bar."""
    charts: list[Chart] = []
    findings: list[str] = []
    names = Names(con)
    share = con.sql("SELECT * FROM out.out_open_share_yearly").pl()
    if not share.is_empty():
        charts.append(open_share_chart(share))
    arena = con.sql("SELECT * FROM out.out_open_arena_top10").pl()
    for board in (b for b in board_order(con) if b not in EDIT_BOARDS):
        if not arena.filter(pl.col("board") == board).is_empty():
            made = arena_open_chart(arena, board, names)
            (findings if isinstance(made, str) else charts).append(made)
    downloads = con.sql("SELECT * FROM out.out_open_downloads_by_country").pl()
    if not downloads.is_empty():
        charts.append(downloads_chart(downloads))
    return charts, not downloads.is_empty(), findings
