"""Q6 markets: abnormal returns of listed companies around dated video-model launches.

Every title is computed from the out_ tables: which listing moved most, by how much, and whether
the move stands out from the listing's normal day-to-day noise (|t| >= 2 under the market model).
"""

from __future__ import annotations

import re

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text
from ..chart_html import source_label
from ..gaps import TRADING_DAYS, break_gaps
from ..names import Names, plural
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout

GENIE = "project_genie"
WINDOW_COLORS = {"[-1,+1]": COUNTRY_COLORS["US"], "[0,+5]": "#9bb7e0"}


def _layout(fig: go.Figure, y_title: str, height: int = 400) -> go.Figure:
    return base_layout(fig, y_title, height=height)


def _urls(*cells) -> list[str]:
    urls: set[str] = set()
    for cell in cells:
        for value in cell if isinstance(cell, list) else [cell]:
            if value:
                urls.update(u.strip() for u in str(value).split(";") if u.strip())
    return sorted(urls)


def _pct(value: float | None) -> str:
    return "unknown" if value is None else f"{value:+.1f}%"


def genie_chart(study: pl.DataFrame, reported: pl.DataFrame, as_of: str | None, names: Names) -> Chart | None:
    data = study.filter(pl.col("event_id") == GENIE).sort("car_market_adjusted_m1_p1_pct", nulls_last=True)
    if data.is_empty():
        return None
    tickers = data["ticker"].to_list()
    labels = [plot_text(names.listing(t)) for t in tickers]
    label_of = dict(zip(tickers, labels, strict=True))
    fig = go.Figure()
    for window, column in (("[-1,+1]", "car_market_adjusted_m1_p1_pct"), ("[0,+5]", "car_market_adjusted_p0_p5_pct")):
        fig.add_trace(
            go.Bar(
                x=labels,
                y=data[column].to_list(),
                name=f"abnormal return {window} vs SPY (ours)",
                marker_color=WINDOW_COLORS[window],
                hovertemplate="%{x}: %{y:.1f}%<extra>" + window + "</extra>",
            )
        )
    day0 = data["event_session_date"].min()
    press = reported.filter(
        pl.col("ticker").is_in(tickers)
        & (pl.col("comparison") != "year to date (close)")
        & pl.col("event_date").is_between(day0, day0 + pl.duration(days=7))
    )
    if not press.is_empty():
        fig.add_trace(
            go.Scatter(
                x=[label_of[t] for t in press["ticker"].to_list()],
                y=press["reported_move_pct"].to_list(),
                mode="markers",
                name="press-reported one-day move (each article)",
                marker={"color": "#111", "symbol": "diamond", "size": 9},
                text=[plot_text(u) for u in press["source_url"].to_list()],
                hovertemplate="%{x}: %{y:.2f}% reported<br>%{text}<extra></extra>",
            )
        )
    _layout(fig, "cumulative abnormal return (%)").update_layout(barmode="group")
    worst = data.row(0, named=True)
    named = data.filter(pl.col("exposure") == "competitor")
    fell = named.filter(pl.col("car_market_adjusted_m1_p1_pct") < 0).height
    parent = data.filter(pl.col("exposure") == "parent")
    parent_text = "".join(
        f"; {names.listing(r['ticker'])}, the launcher's parent, {_pct(r['car_market_adjusted_m1_p1_pct'])}"
        for r in parent.iter_rows(named=True)
    )
    title = (
        f"Project Genie ({worst['event_date']}): {names.listing(worst['ticker'])} fell furthest, "
        f"{_pct(worst['car_market_adjusted_m1_p1_pct'])} abnormal return over [-1,+1] vs SPY; "
        f"{fell} of {named.height} game and ad-tech stocks named by the press lost more than the market"
        f"{parent_text}"
    )
    confounded = data.filter(pl.col("earnings_in_p0_p5"))["ticker"].to_list()
    note = (
        "Abnormal return = stock return minus SPY's return, summed over trading days around the launch "
        f"session (day 0 = {day0}). "
    )
    if confounded:
        note += (
            f"Earnings fall inside the [0,+5] window of {', '.join(names.listing(t) for t in confounded)}: "
            "those bars mix two pieces of news."
        )
    columns = [
        "event_id",
        "ticker",
        "exposure",
        "event_session_date",
        "day1_return_pct",
        "car_market_adjusted_m1_p1_pct",
        "car_market_adjusted_p0_p5_pct",
        "car_market_model_m1_p1_pct",
        "car_market_model_p0_p5_pct",
        "t_market_model_m1_p1",
        "t_market_model_p0_p5",
        "earnings_in_window",
        "release_source_url",
        "exposure_source_url",
        "price_source_urls",
    ]
    return Chart(
        slug="q6-genie-abnormal-returns",
        title=title,
        figure=fig,
        data=data.select(columns),
        sources=_urls(
            data["release_source_url"].to_list(),
            data["exposure_source_url"].to_list(),
            press["source_url"].to_list(),
            data["price_source_urls"].to_list(),
        ),
        as_of=as_of,
        note=note,
        terms=("abnormal-return",),
    )


def genie_price_chart(daily: pl.DataFrame, as_of: str | None, names: Names) -> Chart | None:
    data = daily.filter((pl.col("event_id") == GENIE) & pl.col("rel_day").is_between(-10, 10))
    if data.is_empty():
        return None
    base = data.filter(pl.col("rel_day") == -1).select("ticker", base_close="close", base_bench="benchmark_close")
    data = (
        data.join(base, on="ticker")
        .with_columns(
            (100 * pl.col("close") / pl.col("base_close")).round(2).alias("index_close"),
            (100 * pl.col("benchmark_close") / pl.col("base_bench")).round(2).alias("index_benchmark"),
        )
        .sort("ticker", "rel_day")
    )
    fig = go.Figure()
    for ticker in data["ticker"].unique(maintain_order=True).to_list():
        part = data.filter(pl.col("ticker") == ticker)
        x, y = break_gaps(
            part["trade_date"].cast(pl.Utf8).to_list(), part["index_close"].to_list(), max_gap=TRADING_DAYS
        )
        fig.add_trace(go.Scatter(x=x, y=y, mode="lines+markers", name=plot_text(names.listing(ticker))))
    bench = data.filter(pl.col("ticker") == data["ticker"][0])
    x, y = break_gaps(
        bench["trade_date"].cast(pl.Utf8).to_list(), bench["index_benchmark"].to_list(), max_gap=TRADING_DAYS
    )
    fig.add_trace(
        go.Scatter(
            x=x, y=y, mode="lines", name="S&amp;P 500 ETF (SPY, benchmark)", line={"color": "#555", "dash": "dot"}
        )
    )
    fig.add_vline(x=str(data["event_session_date"][0]), line={"color": "#999", "dash": "dash"})
    _layout(fig, "close, day before launch = 100")
    day5 = data.filter(pl.col("rel_day") == 5).sort("index_close")
    if day5.is_empty():
        title = "Closing prices around Project Genie, indexed to the day before the launch"
    else:
        low = day5.row(0, named=True)
        title = (
            f"Five sessions after Project Genie, {names.listing(low['ticker'])} closed "
            f"{100 - low['index_close']:.0f}% below "
            f"its pre-launch close while SPY moved {low['index_benchmark'] - 100:+.1f}%"
        )
    columns = [
        "ticker",
        "rel_day",
        "trade_date",
        "close",
        "index_close",
        "benchmark_ticker",
        "benchmark_close",
        "index_benchmark",
        "is_provisional",
        "source_url",
        "snapshot_sha256",
    ]
    return Chart(
        slug="q6-genie-prices",
        title=title,
        figure=fig,
        data=data.select(columns),
        sources=_urls(data["source_url"].unique().to_list()),
        as_of=as_of,
        max_gap_days=TRADING_DAYS,
        note="Lines join trading sessions (weekends and holidays in between); a longer break in the "
        "price record breaks the line.",
    )


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


def _launch_name(event_id: str, event_name: str | None) -> str:
    """A launch's short name for an axis label: 'Wan 2.1 open weights released' -> 'Wan 2.1'."""
    name = event_name or event_id
    short = re.split(
        r" (?:open weights|released|announced|generally|unveiled|launch|goes|available|preview)\b", name, maxsplit=1
    )[0]
    return short.removeprefix("Google ").strip() or name


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
        reported_chart(reported, reported_as_of, names),
    ]
    return [c for c in charts if c is not None]
