"""Q1 quality: the months-behind gap — how many days earlier the other country's best model had
already reached this country's best score (out_quality_days_behind)."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart
from ..gaps import DAILY_BOARD_DAYS, break_gaps
from ..sources import board_order
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout
from .quality import GAP_NOTE

NOTE = (
    GAP_NOTE + " A point is how many days earlier the other country's best model had a CI lower bound at "
    "or above this country's best score. Boards are sampled, so the true gap lies between the point and "
    "the value in the table's days_behind_max column. No point: the other country has not reached that "
    "level on any observed day (this country is ahead)."
)


ADJECTIVE = {"CN": "Chinese", "US": "U.S."}


GAP_COLUMNS = (
    "snapshot_date",
    "country_code",
    "best_model",
    "best_score",
    "other_first_reached_on",
    "reached",
    "days_behind",
    "days_behind_max",
    "is_censored",
)


def _title(board: str, latest: dict[str, dict]) -> str:
    for behind, ahead in (("CN", "US"), ("US", "CN")):
        row = latest.get(behind)
        if row and row["reached"]:
            span = (
                f"{row['days_behind']} days"
                if row["days_behind"] == row["days_behind_max"]
                else f"{row['days_behind']}–{row['days_behind_max']} days"
            )
            bound = " at least" if row["is_censored"] else ""
            return (
                f"arena.ai {board}: on {row['snapshot_date']} the best {ADJECTIVE[behind]} model is where "
                f"the best {ADJECTIVE[ahead]} model was{bound} {span} earlier"
            )
    return f"arena.ai {board}: neither country's best model is behind the other's on the latest day"


def days_behind_chart(rows: pl.DataFrame, board: str, sources: list[str]) -> Chart:
    data = rows.filter(pl.col("board") == board).sort("snapshot_date", "country_code")
    fig = go.Figure()
    for group in ("CN", "US"):
        part = data.filter((pl.col("country_code") == group) & pl.col("reached"))
        if part.is_empty():
            continue
        x, y = break_gaps(
            part["snapshot_date"].cast(pl.Utf8).to_list(), part["days_behind"].to_list(), max_gap=DAILY_BOARD_DAYS
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines+markers",
                name=f"{COUNTRY_LABELS[group]} behind by",
                meta={"group": group},
                line={"color": COUNTRY_COLORS[group]},
                hovertemplate="%{y} days<extra></extra>",
            )
        )
    base_layout(fig, "days behind the other country", hovermode="x unified")
    day = data["snapshot_date"].max()
    latest = {r["country_code"]: r for r in data.filter(pl.col("snapshot_date") == day).iter_rows(named=True)}
    return Chart(
        slug=f"days-behind-{board}",
        title=_title(board, latest),
        figure=fig,
        data=data.select("board", *GAP_COLUMNS),
        sources=sources,
        as_of=str(day),
        terms=("days-behind", "ci"),
        table_columns=GAP_COLUMNS,  # every column but the board (the title's)
        max_gap_days=DAILY_BOARD_DAYS,
        note=NOTE,
    )


def days_behind_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    rows = con.sql("SELECT * FROM out.out_quality_days_behind ORDER BY board, snapshot_date").pl()
    charts = []
    for board in board_order(con):
        if rows.filter(pl.col("board") == board).is_empty():
            continue
        sources = [
            r[0]
            for r in con.execute(
                """SELECT DISTINCT source_url FROM marts.fct_leaderboard_entries
               WHERE board = ? AND snapshot_date = (SELECT max(snapshot_date) FROM marts.fct_leaderboard_entries
                                                    WHERE board = ?) AND source_url IS NOT NULL
               ORDER BY 1""",
                [board, board],
            ).fetchall()
        ]
        charts.append(days_behind_chart(rows, board, sources))
    return charts
