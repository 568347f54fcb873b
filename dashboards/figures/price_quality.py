"""Q2 price x Q1 quality: the price-quality frontier by country. Each arena.ai model's score (dot,
with its CI as a whisker) against the cheapest USD per second of its model family; each country's
Pareto frontier joined by a step line (out_price_quality_points, out_price_quality_levels,
out_price_quality_frontier_moves)."""

from __future__ import annotations

import math

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text
from ..names import Names, plural
from ..sources import board_order
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout

SPEC = "720p"  # the spec with the most Chinese and U.S. offers; 1080p rows are in the CSV
ADJECTIVE = {"CN": "Chinese", "US": "U.S."}
POINT_COLUMNS = (
    "board",
    "price_spec",
    "pairing",
    "snapshot_date",
    "model",
    "model_family",
    "country_code",
    "score",
    "score_ci_lower",
    "score_ci_upper",
    "price_usd_per_s",
    "match_status",
    "is_on_country_frontier",
    "offer_model",
    "provider",
    "price_valid_from",
    "score_source_url",
    "price_source_url",
)
# The table: what the chart draws (price, score and CI per model, its country, frontier and provider)
# and whether a model has a price; the board, spec, pairing and day are the caption's and every row's
# same, the family and offer ids are in the CSV.
TABLE_COLUMNS = (
    "model",
    "country_code",
    "score",
    "score_ci_lower",
    "score_ci_upper",
    "price_usd_per_s",
    "is_on_country_frontier",
    "provider",
    "match_status",
    "price_valid_from",
)


def _money(value: float) -> str:
    return f"${value:.3f}/s"


TICKS = (0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0)


def _title(board: str, day: str, levels: list[dict]) -> str:
    """The finding: which country leads at how many of the frontier price levels, and the cheapest
    level where the other country leads."""
    counted = {g: [r for r in levels if r["leader"] == g] for g in ("CN", "US")}
    if not levels:
        return f"arena.ai {board}, {day}: no model with a {SPEC} price"
    top = max(("CN", "US"), key=lambda g: len(counted[g]))
    other = "US" if top == "CN" else "CN"
    text = (
        f"arena.ai {board}, {day}, at {SPEC}: {COUNTRY_LABELS[top]} gives more quality per dollar at "
        f"{len(counted[top])} of {len(levels)} price levels"
    )
    if counted[other]:
        text += f"; {COUNTRY_LABELS[other]} at " + ", ".join(_money(r["price_level_usd_per_s"]) for r in counted[other])
    return text


def levels_sentence(levels: list[dict], names: Names) -> str:
    """Who gives more quality per dollar at each price level, in one sentence, from the levels table:
    consecutive levels with the same leader and models are merged into one band."""
    parts: list[str] = []
    previous: tuple | None = None
    for row in levels:
        key = (row["leader"], row["cn_best_model"], row["us_best_model"])
        if key == previous:
            continue
        previous = key
        level = _money(row["price_level_usd_per_s"])
        cn, us = row["cn_best_model"], row["us_best_model"]
        if row["leader"] in ("CN", "US") and (cn is None or us is None):
            side = row["leader"]
            best = cn if side == "CN" else us
            score = row["cn_best_score"] if side == "CN" else row["us_best_score"]
            other = "U.S." if side == "CN" else "Chinese"
            parts.append(f"up to {level} only {ADJECTIVE[side]} ({names.model(best)}, {score}; no {other} model)")
        elif row["leader"] == "tie":
            parts.append(f"up to {level} a tie ({names.model(cn)} and {names.model(us)}, {row['cn_best_score']})")
        else:
            side = row["leader"]
            win, lose = (cn, us) if side == "CN" else (us, cn)
            win_score, lose_score = (
                (row["cn_best_score"], row["us_best_score"])
                if side == "CN"
                else (row["us_best_score"], row["cn_best_score"])
            )
            clear = "" if row["lead_is_clear"] else ", within the CIs"
            parts.append(
                f"up to {level} {ADJECTIVE[side]} ({names.model(win)} {win_score} vs {names.model(lose)} "
                f"{lose_score}{clear})"
            )
    return "; ".join(parts)


def _trace(fig: go.Figure, part: pl.DataFrame, group: str, names: Names, frontier: bool, suffix: str = "") -> None:
    labels = [plot_text(names.model(m)) for m in part["model"].to_list()]
    fig.add_trace(
        go.Scatter(
            x=part["price_usd_per_s"].to_list(),
            y=part["score"].to_list(),
            mode="lines+markers+text" if frontier else "markers",
            line={"color": COUNTRY_COLORS[group], "shape": "hv", "width": 2} if frontier else None,
            marker={
                "color": COUNTRY_COLORS[group],
                "size": 10 if frontier else 7,
                "opacity": 1 if frontier else 0.45,
                "symbol": "circle" if frontier else "circle-open",
            },
            error_y={
                "type": "data",
                "symmetric": False,
                "array": (part["score_ci_upper"] - part["score"]).to_list(),
                "arrayminus": (part["score"] - part["score_ci_lower"]).to_list(),
                "color": COUNTRY_COLORS[group],
                "thickness": 1,
                "width": 3,
            },
            text=labels if frontier else None,
            # alternate sides so neighbouring labels do not overlap on a narrow screen
            textposition=["top center" if i % 2 == 0 else "bottom center" for i in range(part.height)],
            textfont={"size": 11, "color": COUNTRY_COLORS[group]},
            customdata=[plot_text(f"{lbl} · {p}") for lbl, p in zip(labels, part["provider"].to_list(), strict=True)],
            hovertemplate="%{customdata}<br>$%{x:.3f}/s · score %{y}<extra></extra>",
            name=f"{COUNTRY_LABELS[group]} {'frontier' if frontier else 'other priced models'}{suffix}",
            meta={"group": group},
            cliponaxis=False,
        )
    )


def frontier_chart(con: duckdb.DuckDBPyConnection, board: str, names: Names) -> Chart | None:
    rows = con.sql(
        """SELECT * FROM out.out_price_quality_points
           WHERE board = ? AND price_spec = ? AND pairing = 'newest_price'
           ORDER BY price_usd_per_s NULLS LAST, score DESC, model""",
        params=[board, SPEC],
    ).pl()
    priced = rows.filter((pl.col("match_status") == "priced") & pl.col("country_code").is_in(["CN", "US"]))
    if priced.is_empty():
        return None
    day = rows["snapshot_date"].max()
    fig = go.Figure()
    for group in ("CN", "US"):
        part = priced.filter(pl.col("country_code") == group)
        if part.is_empty():
            continue
        _trace(fig, part.filter(~pl.col("is_on_country_frontier")), group, names, frontier=False)
        _trace(fig, part.filter(pl.col("is_on_country_frontier")).sort("price_usd_per_s"), group, names, frontier=True)
    base_layout(fig, "arena score (95% CI)", height=440, xaxis_title=f"cheapest USD per second at {SPEC} (log)")
    ticks = [v for v in TICKS if v <= float(priced["price_usd_per_s"].max()) * 1.5]
    low, high = float(priced["price_usd_per_s"].min()), float(priced["price_usd_per_s"].max())
    # room on the left for the cheapest point's label (phones), in log10 units
    fig.update_xaxes(
        type="log",
        tickvals=ticks,
        ticktext=[f"${v:g}" for v in ticks],
        range=[math.log10(low / 2.2), math.log10(high * 1.3)],
    )
    levels = (
        con.sql(
            """SELECT * FROM out.out_price_quality_levels
               WHERE board = ? AND price_spec = ? AND pairing = 'newest_price' ORDER BY price_level_usd_per_s""",
            params=[board, SPEC],
        )
        .pl()
        .to_dicts()
    )
    unmatched = rows.filter(pl.col("match_status") == "unmatched: no model family")["model"].to_list()
    unpriced = rows.filter(pl.col("match_status") == "no price at this spec").height
    title = _title(board, str(day), levels)
    note = (
        "Who gives more quality per dollar, at each frontier price: "
        + (levels_sentence(levels, names) or "no priced model")
        + ". "
        f"Scores of {day} against each offer's newest still-open price (most Chinese prices are dated "
        "2026-11-20, the LiteLLM release that lists them). A model joins its prices through its model family "
        f"only; {plural(priced.height, 'model')} priced, {plural(unpriced, 'model')} without a {SPEC} price"
        + (f", unmatched (no model family): {', '.join(unmatched)}" if unmatched else "")
        + ". A model is on its country's frontier when no model of the same country is both cheaper-or-equal "
        "and better-or-equal. " + moves_sentence(con, board, names)
    )
    sources = sorted(
        set(priced["score_source_url"].drop_nulls().to_list()) | set(priced["price_source_url"].drop_nulls().to_list())
    )
    return Chart(
        slug=f"price-quality-frontier-{board}",
        title=title,
        figure=fig,
        data=rows.select(*POINT_COLUMNS),
        sources=sources,
        as_of=str(day),
        note=note,
        terms=("price-quality-frontier", "arena-score", "ci", "price-per-second"),
        table_columns=TABLE_COLUMNS,
    )


def moves_sentence(con: duckdb.DuckDBPyConnection, board: str, names: Names) -> str:
    """How each country's frontier moved between the first and last day both had a price in force."""
    moves = con.sql(
        """SELECT * FROM out.out_price_quality_frontier_moves WHERE board = ? AND first_day < last_day
           ORDER BY price_spec DESC, country_code""",
        params=[board],
    ).pl()
    if moves.is_empty():
        return "No two days on which both countries had a price in force for this board."
    spec = moves["price_spec"][0]
    moves = moves.filter(pl.col("price_spec") == spec)
    first, last = moves["first_day"][0], moves["last_day"][0]
    parts = [
        f"{ADJECTIVE[r['country_code']]} best {r['best_score_first']} ({names.model(r['best_model_first'])}) → "
        f"{r['best_score_last']} ({names.model(r['best_model_last'])}), {r['best_score_change']:+d}; cheapest "
        f"{_money(r['cheapest_usd_per_s_first'])} → {_money(r['cheapest_usd_per_s_last'])}"
        for r in moves.iter_rows(named=True)
    ]
    return (
        f"With the prices in force each day, at {spec}, from {first} to {last}: " + "; ".join(parts) + " "
        "(out_price_quality_frontier_moves)."
    )


def price_quality_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    names = Names(con)
    # every board in display order (marts.dim_boards); a board with no priced model has no chart
    charts = [frontier_chart(con, board, names) for board in board_order(con)]
    return [c for c in charts if c is not None]
