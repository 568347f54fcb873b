"""Q1 quality: the leaderboard race, China vs U.S., per arena.ai board."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text, totally_ordered
from ..gaps import DAILY_BOARD_DAYS, band, break_gaps
from ..names import Names
from ..sources import board_order
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, FILL_ALPHA, base_layout

BEST_SCORE_COLUMNS = (
    "snapshot_date",
    "country_group",
    "best_model",
    "best_score",
    "best_score_ci_lower",
    "best_score_ci_upper",
)


def _layout(fig: go.Figure, y_title: str) -> go.Figure:
    return base_layout(fig, y_title, hovermode="x unified")


def _sources(frame: pl.DataFrame) -> list[str]:
    urls = set()
    for cell in frame["source_urls"].drop_nulls().to_list():
        urls.update(u.strip() for u in cell.split(";") if u.strip())
    return sorted(urls, reverse=True)  # newest dated files first


def share_chart(rows: pl.DataFrame, board: str) -> Chart:
    data = rows.filter(pl.col("board") == board).sort("snapshot_date", "country_group")
    fig = go.Figure()
    for group in ("CN", "US", "other", "unknown"):
        part = data.filter(pl.col("country_group") == group)
        if part.is_empty() or part["top10_count"].sum() == 0:
            continue
        x, y = break_gaps(
            part["snapshot_date"].cast(pl.Utf8).to_list(), part["top10_share_pct"].to_list(), max_gap=DAILY_BOARD_DAYS
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines+markers",
                name=COUNTRY_LABELS[group],
                meta={"group": group},
                line={"color": COUNTRY_COLORS[group], "dash": "solid" if group in ("CN", "US") else "dot"},
            )
        )
    _layout(fig, "share of the top 10 (%)").update_yaxes(range=[0, 100])
    latest = data.filter(pl.col("snapshot_date") == data["snapshot_date"].max())
    shares = {r["country_group"]: r["top10_share_pct"] for r in latest.iter_rows(named=True)}
    day = data["snapshot_date"].max()
    cn, us = shares.get("CN", 0), shares.get("US", 0)
    leader = "China holds" if cn > us else "U.S. labs hold" if us > cn else "China and the U.S. split"
    title = f"arena.ai {board}: {leader} the larger share of the top 10 on {day} (CN {cn:.0f}% vs US {us:.0f}%)"
    if cn == us:
        title = f"arena.ai {board}: China and the U.S. hold equal shares of the top 10 on {day} ({cn:.0f}% each)"
    return Chart(
        slug=f"share-top10-{board}",
        title=title,
        figure=fig,
        data=data.select(
            "board",
            "snapshot_date",
            "country_group",
            "top5_count",
            "top5_share_pct",
            "top10_count",
            "top10_share_pct",
            "source_urls",
        ),
        sources=_sources(data),
        as_of=str(day),
        terms=("top-n-share",),
        # the top-10 share the chart draws and its count; the board is the title's, top 5 is in the CSV
        table_columns=("snapshot_date", "country_group", "top10_count", "top10_share_pct"),
        max_gap_days=DAILY_BOARD_DAYS,
        note=GAP_NOTE,
    )


GAP_NOTE = (
    "Lines join snapshot days at most 3 days apart; where the record has a longer gap the line "
    "breaks and only the sampled days are marked."
)


def best_score_chart(rows: pl.DataFrame, board: str, names: Names) -> Chart:
    data = rows.filter(
        (pl.col("board") == board) & pl.col("country_group").is_in(["CN", "US"]) & pl.col("best_score").is_not_null()
    )
    data = totally_ordered(data, "snapshot_date")
    fig = go.Figure()
    for group in ("CN", "US"):
        part = data.filter(pl.col("country_group") == group)
        if part.is_empty():
            continue
        x = part["snapshot_date"].cast(pl.Utf8).to_list()
        band_x, band_y = band(
            x, part["best_score_ci_lower"].to_list(), part["best_score_ci_upper"].to_list(), DAILY_BOARD_DAYS
        )
        fig.add_trace(
            go.Scatter(
                x=band_x,
                y=band_y,
                mode="lines",
                line={"width": 0},
                fill="toself",
                fillcolor=FILL_ALPHA[group],
                name=f"{COUNTRY_LABELS[group]} CI",
                hoverinfo="skip",
                legendgroup=group,
                meta={"group": group},
            )
        )
        line_x, score, model = break_gaps(
            x,
            part["best_score"].to_list(),
            [plot_text(names.model(m)) for m in part["best_model"].to_list()],
            max_gap=DAILY_BOARD_DAYS,
        )
        fig.add_trace(
            go.Scatter(
                x=line_x,
                y=score,
                mode="lines+markers",
                meta={"group": group},
                name=f"best {COUNTRY_LABELS[group]} model",
                legendgroup=group,
                line={"color": COUNTRY_COLORS[group]},
                text=model,
                hovertemplate="%{text}: %{y}<extra></extra>",
            )
        )
    _layout(fig, "arena score (with CI)")
    day = data["snapshot_date"].max()
    latest = {r["country_group"]: r for r in data.filter(pl.col("snapshot_date") == day).iter_rows(named=True)}
    cn, us = latest.get("CN"), latest.get("US")
    if cn and us:
        overlap = (
            cn["best_score_ci_lower"] <= us["best_score_ci_upper"]
            and us["best_score_ci_lower"] <= cn["best_score_ci_upper"]
        )
        top = cn if cn["best_score"] > us["best_score"] else us
        who = "China's" if top is cn else "the U.S.'s"
        verdict = "but the CIs overlap: no clear lead" if overlap else "a lead outside the CIs"
        title = (
            f"arena.ai {board}: {who} best model ({names.model(top['best_model'])}, {top['best_score']}) leads on "
            f"{day}, "
            f"{verdict}"
        )
    else:
        title = f"arena.ai {board}: best score per country with its CI"
    return Chart(
        slug=f"best-score-{board}",
        title=title,
        figure=fig,
        data=data.select("board", *BEST_SCORE_COLUMNS, "source_urls"),
        sources=_sources(data),
        as_of=str(day),
        terms=("arena-score", "ci"),
        max_gap_days=DAILY_BOARD_DAYS,
        table_columns=BEST_SCORE_COLUMNS,
        note=GAP_NOTE + " The shaded band is each best model's confidence interval.",
    )


def leaderboard_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    rows = con.sql("SELECT * FROM out.out_leaderboard_country_daily ORDER BY board, snapshot_date").pl()
    names = Names(con)
    charts = []
    for board in board_order(con):
        if rows.filter(pl.col("board") == board).is_empty():
            continue
        charts += [share_chart(rows, board), best_score_chart(rows, board, names)]
    return charts
