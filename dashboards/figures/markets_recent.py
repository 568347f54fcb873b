"""Q6 markets: the launches of September-October 2026 in the event study (out_event_study), with the
same windows and confounder flags as the older ones. A launch-listing pair whose window runs past
the stock data is listed as incomplete, never computed on a short window; a launch without a cited
day (a first-seen upper bound, a month) is named and not computed."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text
from ..names import Names, plural
from ..theme import COUNTRY_COLORS, base_layout
from .markets_common import _launch_name

PERIOD = ("2026-09-01", "2026-10-31")
WINDOWS = {"m1_p1": ("[-1,+1]", 3), "p0_p5": ("[0,+5]", 6)}


def launches_not_computed(con: duckdb.DuckDBPyConnection, in_study: set[str]) -> tuple[list[str], list[str]]:
    """Releases of the period left out, and why: those whose only date is an upper bound ("first seen",
    up to 2026-11-30, since the launch may precede it) or a month; and those with a cited day whose lab
    has no listed parent and that no event row pairs with a competitor."""
    rows = con.execute(
        """SELECT r.model, coalesce(r.lab_name, 'unknown lab'), r.release_date_text, r.date_kind,
                  r.date_is_upper_bound OR r.release_date IS NULL AS undated, l.parent_ticker
           FROM marts.fct_releases AS r
           LEFT JOIN marts.dim_labs AS l USING (lab_id)
           WHERE r.is_preferred AND r.source = 'curated_candidates'
             AND coalesce(cast(r.release_date AS VARCHAR), r.release_date_text) BETWEEN '2026-09' AND '2026-11-30'
           ORDER BY r.release_date_text, r.model"""
    ).fetchall()
    undated = [f"{m} ({lab}, {d}: {k})" for m, lab, d, k, u, _ in rows if u]
    unlisted = [
        f"{m} ({lab}, {d})"
        for m, lab, d, _, u, ticker in rows
        if not u and ticker is None and not any(m.lower() in e.lower() or e.lower() in m.lower() for e in in_study)
    ]
    return undated, unlisted


def recent_launches_chart(con: duckdb.DuckDBPyConnection, names: Names) -> Chart | None:
    study = con.sql(
        "SELECT * FROM out.out_event_study WHERE event_date BETWEEN ? AND ? ORDER BY event_date, ticker",
        params=list(PERIOD),
    ).pl()
    if study.is_empty():
        return None
    done = study.filter(pl.col("window_status") == "complete")
    fig = go.Figure()
    for key, (label, days) in WINDOWS.items():
        car = pl.coalesce(f"car_market_model_{key}_pct", f"car_market_adjusted_{key}_pct")
        part = done.with_columns(car.alias("car")).filter(pl.col("car").is_not_null())
        if part.is_empty():
            continue
        # 95% band of an ordinary window: 1.96 x the residual SD x sqrt(window length)
        half = [
            1.96 * sd * days**0.5 if sd is not None and mm is not None else 0
            for sd, mm in part.select("residual_sd_pct", f"car_market_model_{key}_pct").iter_rows()
        ]
        group = part["company_country_code"].fill_null("unknown").to_list()
        fig.add_trace(
            go.Scatter(
                x=part["car"].to_list(),
                y=[
                    # the listing first: phones shorten tick labels to 24 characters
                    plot_text(f"{names.listing(t, with_ticker=False)} · {_launch_name(e, n)}")
                    for e, n, t in part.select("event_id", "event_name", "ticker").iter_rows()
                ],
                mode="markers",
                name=f"CAR {label}",
                marker={
                    "symbol": "circle" if key == "p0_p5" else "diamond",
                    "size": 10,
                    "color": [COUNTRY_COLORS.get(g, COUNTRY_COLORS["unknown"]) for g in group],
                    "line": {"color": "#333", "width": 1},
                },
                error_x={"type": "data", "array": half, "thickness": 1.2, "width": 4, "color": "#555"},
                hovertemplate="%{y}: %{x:.2f}%<extra>" + label + "</extra>",
                orientation="h",
                offsetgroup=key,
            )
        )
    base_layout(fig, "", height=160 + 60 * max(done.height, 1), xaxis_title="CAR (%)")
    fig.update_layout(scattermode="group", scattergap=0.5)
    fig.add_vline(x=0, line={"color": "#999", "width": 1})
    incomplete = study.filter(pl.col("window_status") != "complete")
    parts = [
        f"{names.event(r['event_id'])} ({r['event_date']}) on {names.listing(r['ticker'])}: {r['window_status']}"
        for r in incomplete.iter_rows(named=True)
    ]
    fitted = done.filter(pl.col("car_market_model_p0_p5_pct").is_not_null())
    if not fitted.is_empty():
        w = fitted.sort(pl.col("car_market_model_p0_p5_pct").abs(), descending=True).row(0, named=True)
        strong = fitted.filter(pl.col("t_market_model_p0_p5").abs() >= 2).height
        title = (
            f"Launches of September–October 2026: {plural(fitted.height, 'launch-listing pair')} computed, "
            f"{strong} with |t| ≥ 2; the largest [0,+5] move, {names.listing(w['ticker'], with_ticker=False)} after "
            f"{_launch_name(w['event_id'], w['event_name'])}, {w['car_market_model_p0_p5_pct']:+.2f}% "
            f"(t = {w['t_market_model_p0_p5']:.2f}), is within ordinary noise"
            if strong == 0
            else f"Launches of September–October 2026: {strong} of {fitted.height} launch-listing pairs move with "
            f"|t| ≥ 2; the largest, {names.listing(w['ticker'], with_ticker=False)} after "
            f"{_launch_name(w['event_id'], w['event_name'])}, {w['car_market_model_p0_p5_pct']:+.2f}%"
        )
    else:
        title = "Launches of September–October 2026: none computed on complete windows"
    in_study = {_launch_name(e, n) for e, n in study.select("event_id", "event_name").unique().iter_rows()}
    undated, unlisted = launches_not_computed(con, in_study)
    note = (
        "Dots: market-model CAR, the whisker the 95% range of an ordinary window of that length (1.96 × the "
        "residual SD of days -120..-11 × √days); a whisker that crosses 0 is not a distinguishable move. "
        + (f"Incomplete, not computed: {'; '.join(parts)}. " if parts else "")
        + (f"No cited launch day, not computed: {'; '.join(undated)}. " if undated else "")
        + (f"Cited day but no listed company exposed: {'; '.join(unlisted)}. " if unlisted else "")
        + "Confounders (earnings sessions, other launches in the window) are in the CSV."
    )
    columns = [
        "event_id",
        "event_name",
        "event_date",
        "ticker",
        "exposure",
        "window_status",
        "stock_data_ends",
        "event_session_date",
        "car_market_adjusted_m1_p1_pct",
        "car_market_model_m1_p1_pct",
        "car_market_adjusted_p0_p5_pct",
        "car_market_model_p0_p5_pct",
        "t_market_model_p0_p5",
        "residual_sd_pct",
        "earnings_in_p0_p5",
        "other_events_in_window",
        "release_source_url",
        "exposure_source_url",
    ]
    urls = set(study["release_source_url"].drop_nulls().to_list()) | set(study["exposure_source_url"].drop_nulls())
    return Chart(
        slug="q6-launches-2026-09-10",
        title=title,
        figure=fig,
        data=study.select(columns),
        sources=sorted(urls),
        as_of=str(study["stock_data_ends"].max()) if study["stock_data_ends"].drop_nulls().len() else None,
        note=note,
        terms=("abnormal-return", "t-statistic"),
    )
