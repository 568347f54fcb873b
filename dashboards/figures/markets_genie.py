"""Q6 markets: Unity and the other listings around Google's Project Genie roll-out (abnormal returns
against what the press reported, and the prices around the launch)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, plot_text
from ..gaps import TRADING_DAYS, break_gaps
from ..names import Names
from .markets_common import GENIE, WINDOW_COLORS, _layout, _pct, _urls


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
