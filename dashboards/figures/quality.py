"""Q1 quality: the leaderboard race, China vs U.S., per arena.ai board."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, esc
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, FILL_ALPHA, FONT, TEMPLATE

BOARDS = ("text-to-video", "image-to-video", "video-edit")


def _layout(fig: go.Figure, y_title: str) -> go.Figure:
    fig.update_layout(template=TEMPLATE, font={"family": FONT}, height=380, margin={"l": 60, "r": 20, "t": 20, "b": 50},
                      legend={"orientation": "h", "y": -0.18}, yaxis_title=y_title, hovermode="x unified")
    return fig


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
        fig.add_trace(go.Scatter(
            x=part["snapshot_date"].cast(pl.Utf8).to_list(), y=part["top10_share_pct"].to_list(),
            mode="lines+markers", name=COUNTRY_LABELS[group],
            line={"color": COUNTRY_COLORS[group], "dash": "solid" if group in ("CN", "US") else "dot"},
        ))
    _layout(fig, "share of the top 10 (%)").update_yaxes(range=[0, 100])
    latest = data.filter(pl.col("snapshot_date") == data["snapshot_date"].max())
    shares = {r["country_group"]: r["top10_share_pct"] for r in latest.iter_rows(named=True)}
    day = data["snapshot_date"].max()
    cn, us = shares.get("CN", 0), shares.get("US", 0)
    leader = "China holds" if cn > us else "U.S. labs hold" if us > cn else "China and the U.S. split"
    title = f"arena.ai {board}: {leader} the larger share of the top 10 on {day} (CN {cn:.0f}% vs US {us:.0f}%)"
    if cn == us:
        title = f"arena.ai {board}: China and the U.S. hold equal shares of the top 10 on {day} ({cn:.0f}% each)"
    return Chart(slug=f"share-top10-{board}", title=title, figure=fig,
                 data=data.select("board", "snapshot_date", "country_group", "top5_count", "top5_share_pct",
                                  "top10_count", "top10_share_pct", "source_urls"),
                 sources=_sources(data), as_of=str(day))


def best_score_chart(rows: pl.DataFrame, board: str) -> Chart:
    data = rows.filter((pl.col("board") == board) & pl.col("country_group").is_in(["CN", "US"])
                       & pl.col("best_score").is_not_null()).sort("snapshot_date")
    fig = go.Figure()
    for group in ("CN", "US"):
        part = data.filter(pl.col("country_group") == group)
        if part.is_empty():
            continue
        x = part["snapshot_date"].cast(pl.Utf8).to_list()
        fig.add_trace(go.Scatter(x=x, y=part["best_score_ci_upper"].to_list(), mode="lines", line={"width": 0},
                                 showlegend=False, hoverinfo="skip", legendgroup=group))
        fig.add_trace(go.Scatter(x=x, y=part["best_score_ci_lower"].to_list(), mode="lines", line={"width": 0},
                                 fill="tonexty", fillcolor=FILL_ALPHA[group], name=f"{COUNTRY_LABELS[group]} CI",
                                 hoverinfo="skip", legendgroup=group))
        fig.add_trace(go.Scatter(x=x, y=part["best_score"].to_list(), mode="lines+markers",
                                 name=f"best {COUNTRY_LABELS[group]} model", legendgroup=group,
                                 line={"color": COUNTRY_COLORS[group]},
                                 text=[esc(m) for m in part["best_model"].to_list()],
                                 hovertemplate="%{text}: %{y}<extra></extra>"))
    _layout(fig, "arena score (with CI)")
    day = data["snapshot_date"].max()
    latest = {r["country_group"]: r for r in data.filter(pl.col("snapshot_date") == day).iter_rows(named=True)}
    cn, us = latest.get("CN"), latest.get("US")
    if cn and us:
        overlap = cn["best_score_ci_lower"] <= us["best_score_ci_upper"] and us["best_score_ci_lower"] <= cn["best_score_ci_upper"]
        top = cn if cn["best_score"] > us["best_score"] else us
        who = "China's" if top is cn else "the U.S.'s"
        verdict = "but the CIs overlap: no clear lead" if overlap else "a lead outside the CIs"
        title = (f"arena.ai {board}: {who} best model ({top['best_model']}, {top['best_score']}) leads on {day}, "
                 f"{verdict}")
    else:
        title = f"arena.ai {board}: best score per country with its CI"
    return Chart(slug=f"best-score-{board}", title=title, figure=fig,
                 data=data.select("board", "snapshot_date", "country_group", "best_model", "best_score",
                                  "best_score_ci_lower", "best_score_ci_upper", "source_urls"),
                 sources=_sources(data), as_of=str(day))


def leaderboard_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    rows = con.sql("SELECT * FROM out.out_leaderboard_country_daily ORDER BY board, snapshot_date").pl()
    charts = []
    for board in BOARDS:
        if rows.filter(pl.col("board") == board).is_empty():
            continue
        charts += [share_chart(rows, board), best_score_chart(rows, board)]
    return charts
