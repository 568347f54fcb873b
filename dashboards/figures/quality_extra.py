"""Q1 quality, over time: whether the lead of the best Chinese or U.S. model on each arena.ai board
is clear of both confidence intervals, and who holds #1; Artificial Analysis as a second arena."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text
from ..gaps import DAILY_BOARD_DAYS
from ..names import Names
from ..sources import board_order
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout

NO_LEAD_COLOR = "#bdbdbd"


def _layout(fig: go.Figure, y_title: str) -> go.Figure:
    return base_layout(fig, y_title, height=360)


def _group(country: str | None) -> str:
    return country if country in ("CN", "US") else "unknown" if country is None else "other"


def _sources(frame: pl.DataFrame) -> list[str]:
    urls = set()
    for cell in frame["source_urls"].drop_nulls().to_list():
        urls.update(u.strip() for u in cell.split(";") if u.strip())
    return sorted(urls, reverse=True)


def lead_chart(rows: pl.DataFrame, board: str, names: Names) -> Chart:
    data = rows.filter((pl.col("arena") == "arena") & (pl.col("board") == board)).sort("snapshot_date")
    signed = data.with_columns((pl.col("best_cn_score") - pl.col("best_us_score")).alias("cn_minus_us_points"))
    fig = go.Figure()
    for label, color, group, mask in (
        ("China leads (CIs apart)", COUNTRY_COLORS["CN"], "CN", pl.col("lead_country") == "CN"),
        ("United States leads (CIs apart)", COUNTRY_COLORS["US"], "US", pl.col("lead_country") == "US"),
        ("no clear lead (CIs overlap or unknown)", NO_LEAD_COLOR, None, pl.col("lead_country").is_null()),
    ):
        part = signed.filter(mask)
        if part.is_empty():
            continue
        fig.add_trace(
            go.Bar(
                x=part["snapshot_date"].cast(pl.Utf8).to_list(),
                y=part["cn_minus_us_points"].to_list(),
                name=label,
                marker_color=color,
                meta={"group": group} if group else None,
                text=[
                    plot_text(f"China {names.model(c)} vs U.S. {names.model(u)}; #1 {names.model(n)}")
                    for c, u, n in zip(
                        part["best_cn_model"].to_list(),
                        part["best_us_model"].to_list(),
                        part["number_one_model"].to_list(),
                        strict=True,
                    )
                ],
                # the text is for the hover only: drawn in (or beside) 40+ thin bars it would only be
                # shrunk out of sight, and fitting it costs a text measurement per bar
                textposition="none",
                hovertemplate="%{x}: %{text}, %{y} points<extra></extra>",
            )
        )
    _layout(fig, "best CN minus best US score (points)")
    clear_cn = signed.filter(pl.col("lead_country") == "CN").height
    clear_us = signed.filter(pl.col("lead_country") == "US").height
    last = signed.row(-1, named=True)
    # who holds #1 folds in here (it was a chart of its own: one chart fewer per board to draw)
    groups = [_group(c) for c in signed["number_one_country"].to_list()]
    changes = sum(1 for a, b in zip(groups, groups[1:], strict=False) if a != b)
    title = (
        f"arena.ai {board}: a clear lead (CIs apart) for China on {clear_cn} and for the U.S. on {clear_us} "
        f"of {signed.height} days; on {last['snapshot_date']}: {_lead_label(last, names)}"
    )
    number_one = (
        f"The #1 spot changed country {changes} time{'s' if changes != 1 else ''}; on {last['snapshot_date']} "
        f"#1 is {names.model(last['number_one_model'])} "
        f"({COUNTRY_LABELS[_group(last['number_one_country'])]}, {last['number_one_score']:.0f})."
    )
    return Chart(
        slug=f"ci-lead-{board}",
        title=title,
        figure=fig,
        data=signed.select(
            "arena",
            "board",
            "snapshot_date",
            "best_cn_model",
            "best_cn_score",
            "best_cn_ci_lower",
            "best_cn_ci_upper",
            "best_us_model",
            "best_us_score",
            "best_us_ci_lower",
            "best_us_ci_upper",
            "gap_points",
            "cn_minus_us_points",
            "lead_basis",
            "lead_country",
            "lead_label",
            "number_one_model",
            "number_one_score",
            "number_one_lab_id",
            "number_one_country",
            "source_urls",
        ),
        sources=_sources(signed),
        as_of=str(last["snapshot_date"]),
        terms=("arena-score", "ci"),
        max_gap_days=DAILY_BOARD_DAYS,
        # what the bars draw (the signed gap, coloured by the lead) and their hover (both best models,
        # #1); each best model's CI is in the best-score table above and, with the ids, in the CSV
        table_columns=(
            "snapshot_date",
            "best_cn_model",
            "best_cn_score",
            "best_us_model",
            "best_us_score",
            "cn_minus_us_points",
            "lead_label",
            "number_one_model",
            "number_one_country",
        ),
        note="Positive bars: the best Chinese model scores higher; a lead counts only where the two "
        "confidence intervals do not overlap. " + number_one,
    )


def _lead_label(row: dict, names: Names) -> str:
    """The mart's lead label, with model slugs replaced by their display names."""
    label = str(row.get("lead_label") or "")
    for column in ("best_cn_model", "best_us_model"):
        if row.get(column):
            label = label.replace(row[column], names.model(row[column]))
    return label


def aa_lead_chart(rows: pl.DataFrame, names: Names) -> Chart:
    """Dots with CI whiskers (an Elo is not a quantity from zero: bars would make 1,380 and 1,330
    look equal); one category per board-day, the two countries side by side."""
    data = rows.filter(pl.col("arena") == "artificialanalysis").sort("board", "snapshot_date")
    board_short = {"text-to-video": "text", "image-to-video": "image"}
    x = [
        f"{board_short.get(b, b)}<br>{d}"
        for b, d in zip(data["board"].to_list(), data["snapshot_date"].cast(pl.Utf8).to_list(), strict=True)
    ]
    fig = go.Figure()
    for group, prefix in (("CN", "best_cn"), ("US", "best_us")):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=data[f"{prefix}_score"].to_list(),
                name=f"best {COUNTRY_LABELS[group]} model",
                mode="markers",
                marker={"color": COUNTRY_COLORS[group], "size": 10},
                meta={"group": group},
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "color": COUNTRY_COLORS[group],
                    "thickness": 2,
                    "array": (data[f"{prefix}_ci_upper"] - data[f"{prefix}_score"]).to_list(),
                    "arrayminus": (data[f"{prefix}_score"] - data[f"{prefix}_ci_lower"]).to_list(),
                },
                text=[plot_text(names.model(m)) for m in data[f"{prefix}_model"].to_list()],
                hovertemplate="%{text}: %{y}<extra></extra>",
            )
        )
    _layout(fig, "Elo (95% CI)").update_layout(scattermode="group", scattergap=0.5)
    fig.update_xaxes(title_text="board and day")
    bounds = [
        v
        for c in (
            "best_cn_ci_lower",
            "best_us_ci_lower",
            "best_cn_ci_upper",
            "best_us_ci_upper",
            "best_cn_score",
            "best_us_score",
        )
        for v in data[c].drop_nulls().to_list()
    ]
    if bounds:  # an Elo axis spans the scores, never from zero
        pad = max(10.0, (max(bounds) - min(bounds)) * 0.08)
        fig.update_yaxes(range=[min(bounds) - pad, max(bounds) + pad])
    clear_cn = data.filter(pl.col("lead_country") == "CN").height
    clear_us = data.filter(pl.col("lead_country") == "US").height
    title = (
        f"Artificial Analysis arena: China's best model leads outside the CIs on {clear_cn} of {data.height} "
        f"board-days, the U.S.'s on {clear_us}"
    )
    return Chart(
        slug="aa-ci-lead",
        title=title,
        figure=fig,
        data=data.select(
            "arena",
            "board",
            "snapshot_date",
            "elo_scale",
            "number_one_model",
            "number_one_country",
            "best_cn_model",
            "best_cn_score",
            "best_cn_ci_lower",
            "best_cn_ci_upper",
            "best_us_model",
            "best_us_score",
            "best_us_ci_lower",
            "best_us_ci_upper",
            "gap_points",
            "lead_basis",
            "lead_label",
            "source_urls",
        ),
        sources=_sources(data),
        as_of=str(data["snapshot_date"].max()),
        terms=("arena-score", "ci"),
        note="Elo scales differ between AA's public arena JSON (April-May 2026) and its v2 API (August "
        "2026): compare countries within a day, not values across days.",
    )


def race_over_time_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    rows = con.sql("SELECT * FROM out.out_quality_leader_daily ORDER BY arena, board, snapshot_date").pl()
    names = Names(con)
    charts = []
    for board in board_order(con):
        if rows.filter((pl.col("arena") == "arena") & (pl.col("board") == board)).is_empty():
            continue
        charts.append(lead_chart(rows, board, names))
    if not rows.filter(pl.col("arena") == "artificialanalysis").is_empty():
        charts.append(aa_lead_chart(rows, names))
    return charts
