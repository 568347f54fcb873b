"""Q6 markets: abnormal returns of listed companies around dated video-model launches.

Every title is computed from the out_ tables: which listing moved most, by how much, and whether
the move stands out from the listing's normal day-to-day noise (|t| >= 2 under the market model).
"""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text
from ..chart_html import source_label
from ..names import Names, plural
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS
from .markets_common import GENIE, _launch_name, _layout, _pct, _urls
from .markets_genie import genie_chart, genie_price_chart
from .markets_recent import recent_launches_chart


def launches_chart(study: pl.DataFrame, as_of: str | None, names: Names) -> Chart | None:
    data = (
        study.with_columns(
            pl.coalesce("car_market_model_p0_p5_pct", "car_market_adjusted_p0_p5_pct").alias("car_p0_p5_pct"),
            pl.when(pl.col("car_market_model_p0_p5_pct").is_not_null())
            .then(pl.lit("market model"))
            .otherwise(pl.lit("market-adjusted (too few days to fit a model)"))
            .alias("car_method"),
        )
        .filter(pl.col("car_p0_p5_pct").is_not_null())
        .sort("event_date", "ticker")
    )
    data = data.with_columns(
        pl.Series(
            "label",
            [
                plot_text(f"{_launch_name(e, n)} · {names.listing(t, with_ticker=False)}")
                for e, n, t in data.select("event_id", "event_name", "ticker").iter_rows()
            ],
            dtype=pl.Utf8,
        ),
        (pl.col("t_market_model_p0_p5").abs() >= 2).fill_null(False).alias("significant"),
    )
    if data.is_empty():
        return None
    fig = go.Figure()
    for group in ("CN", "US", "unknown"):
        part = data.filter(pl.col("company_country_code").fill_null("unknown") == group)
        if part.is_empty():
            continue
        significant = part["significant"].to_list()
        fig.add_trace(
            go.Bar(
                x=part["label"].to_list(),
                y=part["car_p0_p5_pct"].to_list(),
                name=f"{COUNTRY_LABELS[group]} listing",
                marker_color=COUNTRY_COLORS[group],
                meta={"group": group},
                marker_line={
                    "color": ["#111" if s else "rgba(0,0,0,0)" for s in significant],
                    "width": [2.5 if s else 0 for s in significant],
                },
                text=["★ |t| ≥ 2" if s else "" for s in significant],
                textposition="outside",
                cliponaxis=False,
                customdata=[
                    (f"{t:.2f}" if t is not None else "not fitted", m)
                    for t, m in part.select("t_market_model_p0_p5", "car_method").iter_rows()
                ],
                hovertemplate="%{x}: %{y:.1f}%<br>t = %{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            )
        )
    _layout(fig, "abnormal return over [0,+5] (%)", height=520).update_xaxes(tickangle=-45)
    tested = data.filter(pl.col("t_market_model_p0_p5").is_not_null())
    strong = tested.filter(pl.col("t_market_model_p0_p5").abs() >= 2)
    genie = strong.filter(pl.col("event_id") == GENIE).height
    launches = data["event_id"].n_unique()
    title = (
        f"Across {plural(launches, 'dated launch', 'dated launches')}, {strong.height} of {tested.height} "
        f"launch-listing pairs show an abnormal return over [0,+5] with |t| ≥ 2 (marked ★); {genie} of them "
        "are the Project Genie sell-off"
    )
    if strong.height > genie:
        others = strong.filter(pl.col("event_id") != GENIE)
        title += (
            " (also "
            + ", ".join(
                f"{names.listing(r['ticker'], with_ticker=False)} after {_launch_name(r['event_id'], r['event_name'])} "
                f"{_pct(r['car_p0_p5_pct'])}"
                for r in others.iter_rows(named=True)
            )
            + ")"
        )
    columns = [
        "event_id",
        "event_name",
        "event_date",
        "ticker",
        "exposure",
        "company_country_code",
        "event_session_date",
        "car_p0_p5_pct",
        "car_method",
        "t_market_model_p0_p5",
        "beta",
        "estimation_days",
        "earnings_in_p0_p5",
        "other_events_in_window",
        "release_source_url",
        "price_source_urls",
    ]
    return Chart(
        slug="q6-launch-abnormal-returns",
        title=title,
        figure=fig,
        data=data.select(columns),
        sources=_urls(data["release_source_url"].to_list(), data["price_source_urls"].to_list()),
        as_of=as_of,
        terms=("abnormal-return", "t-statistic"),
        note="Chinese labs' launches against their Hong Kong-listed parents (benchmark: Hang Seng index); "
        "Google's against Alphabet (benchmark: SPY). Bars outlined and marked ★ have |t| ≥ 2; t uses "
        "the scatter of abnormal returns on trading days -120 to -11.",
    )


def reported_chart(reported: pl.DataFrame, as_of: str | None, names: Names) -> Chart | None:
    data = reported.filter(pl.col("computed_comparable_pct").is_not_null()).sort("event_date", "ticker", "curated_row")
    if data.is_empty():
        return None
    labels = [
        plot_text(
            f"{names.listing(r['ticker'], with_ticker=False)}, {r['event_date']} ({source_label(r['source_url'])})"
        )
        for r in data.iter_rows(named=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=labels,
            y=data["reported_move_pct"].to_list(),
            name="press-reported",
            marker_color="#8c8c8c",
            hovertext=[plot_text(u) for u in data["source_url"].to_list()],
            hovertemplate="%{x}: %{y:.2f}%<br>%{hovertext}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=labels,
            y=data["computed_comparable_pct"].to_list(),
            name="ours (closing prices)",
            marker_color=COUNTRY_COLORS["US"],
        )
    )
    _layout(fig, "move (%)", height=460).update_layout(barmode="group")
    fig.update_xaxes(tickangle=-45)
    gap = data.with_columns(pl.col("difference_pp").abs().alias("gap")).sort("gap", descending=True).row(0, named=True)
    title = (
        f"Press figures match our closing-price moves within {gap['gap']:.2f} pp; the largest gap is "
        f"{names.listing(gap['ticker'])} on {gap['event_date']} ({gap['reported_move_pct']:+.2f}% reported vs "
        f"{gap['computed_comparable_pct']:+.2f}% computed)"
    )
    skipped = reported.height - data.height
    note = (
        f"{plural(skipped, 'reported figure')} taken intraday {'is' if skipped == 1 else 'are'} listed in the "
        "CSV but not compared."
        if skipped
        else ""
    )
    columns = [
        "curated_row",
        "event_date",
        "ticker",
        "period",
        "reported_move_pct",
        "computed_prev_close",
        "computed_close",
        "comparison",
        "computed_comparable_pct",
        "difference_pp",
        "source_url",
        "price_source_url",
    ]
    return Chart(
        slug="q6-reported-vs-computed",
        title=title,
        figure=fig,
        data=reported.select(columns),
        sources=_urls(reported["source_url"].to_list(), data["price_source_url"].to_list()),
        as_of=as_of,
        note=note,
    )


def market_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    study = con.sql("SELECT * FROM out.out_event_study ORDER BY event_date, ticker").pl()
    daily = con.sql("SELECT * FROM out.out_event_study_daily ORDER BY event_id, ticker, rel_day").pl()
    reported = con.sql("SELECT * FROM out.out_market_moves_reported_vs_computed ORDER BY curated_row").pl()
    genie_days = daily.filter((pl.col("event_id") == GENIE) & (pl.col("rel_day") <= 10))
    genie_as_of = str(genie_days["trade_date"].max()) if not genie_days.is_empty() else None
    all_as_of = str(daily["trade_date"].max()) if not daily.is_empty() else None
    reported_as_of = str(reported["event_date"].max()) if not reported.is_empty() else None
    names = Names(con)
    charts = [
        genie_chart(study, reported, genie_as_of, names),
        genie_price_chart(daily, genie_as_of, names),
        launches_chart(study, all_as_of, names),
        recent_launches_chart(con, names),
        reported_chart(reported, reported_as_of, names),
    ]
    return [c for c in charts if c is not None]
