"""Q2 price: what one second of generated video costs, China vs U.S., at each reference spec."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, esc
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, FONT, TEMPLATE

COMPARISONS = {
    "720p_no_audio": "720p without audio (reference spec)",
    "1080p_audio": "1080p with audio (reference spec)",
    "720p_any_audio": "720p, audio with, without or not stated",
    "1080p_any_audio": "1080p, audio with, without or not stated",
    "all_resolutions": "any resolution",
}
OFFER_COLUMNS = ("country_group", "model_display", "provider", "tier", "resolution", "has_audio", "price_usd_per_s",
                 "usd_method", "price_native", "native_currency", "fx_rate_cny_per_usd", "fx_date", "as_of_text",
                 "valid_from", "source_url")


def _money(value: float | None) -> str:
    return "no price" if value is None else f"${value:.3f}/s"


def _sources(frame: pl.DataFrame) -> list[str]:
    return sorted(set(frame["source_url"].drop_nulls().to_list()))


def _as_of(frame: pl.DataFrame) -> str | None:
    dated = frame["valid_from"].drop_nulls()
    return str(dated.max()) if dated.len() else None


def _offers(con: duckdb.DuckDBPyConnection, comparison: str) -> pl.DataFrame:
    rows = con.sql("""SELECT * FROM out.out_price_per_second
                      WHERE in_country_comparison AND price_usd_per_s IS NOT NULL
                        AND country_group IN ('CN', 'US')""").pl()
    if comparison in ("720p_no_audio", "1080p_audio"):
        rows = rows.filter(pl.col("is_reference_spec") == comparison)
    elif comparison.endswith("_any_audio"):
        rows = rows.filter(pl.col("resolution") == comparison.split("_")[0])
    return rows.sort("price_usd_per_s", "model_display", "provider")


def _title(summary: dict, comparison: str) -> str:
    label = COMPARISONS[comparison]
    cn, us = summary["cn_median_usd_per_s"], summary["us_median_usd_per_s"]
    if cn is None and us is None:
        return f"No Chinese or U.S. price at {label}"
    if cn is None or us is None:
        side, other = ("U.S.", "Chinese") if cn is None else ("Chinese", "U.S.")
        cheapest = summary["us_cheapest"] if cn is None else summary["cn_cheapest"]
        return (f"At {label} only {side} offers have a price ({_money(us if cn is None else cn)} median, "
                f"cheapest {cheapest}); no {other} offer at this spec, so no ratio")
    cheaper = "Chinese" if cn < us else "U.S."
    return (f"At {label}, {cheaper} offers are cheaper: median China {_money(cn)} vs U.S. {_money(us)} "
            f"(China = {summary['median_ratio_cn_to_us']:.2f}× the U.S.; minimum {_money(summary['cn_min_usd_per_s'])} "
            f"vs {_money(summary['us_min_usd_per_s'])}, ratio {summary['min_ratio_cn_to_us']:.2f})")


def offers_chart(con: duckdb.DuckDBPyConnection, summary: dict) -> Chart:
    comparison = summary["comparison"]
    rows = _offers(con, comparison)
    labels = [f"{m} — {p}{' · ' + t if t else ''}{' · ' + r if r and comparison == 'all_resolutions' else ''}"
              for m, p, t, r in rows.select("model_display", "provider", "tier", "resolution").iter_rows()]
    fig = go.Figure()
    for group in ("CN", "US"):
        mask = [g == group for g in rows["country_group"].to_list()]
        if not any(mask):
            continue
        part = rows.filter(pl.Series(mask))
        fig.add_trace(go.Bar(
            x=part["price_usd_per_s"].to_list(), y=[esc(lbl) for lbl, keep in zip(labels, mask, strict=True) if keep],
            orientation="h", name=COUNTRY_LABELS[group], marker={"color": COUNTRY_COLORS[group]},
            customdata=[esc(f"{n} {c} · {m}") for n, c, m in part.select("price_native", "native_currency",
                                                                           "usd_method").iter_rows()],
            hovertemplate="%{y}: $%{x:.3f}/s (%{customdata})<extra></extra>"))
    fig.update_layout(template=TEMPLATE, font={"family": FONT}, height=max(260, 28 * rows.height + 120),
                      margin={"l": 20, "r": 20, "t": 20, "b": 50}, legend={"orientation": "h", "y": -0.12},
                      xaxis_title="USD per second of video", yaxis={"automargin": True, "categoryorder": "total descending"},
                      barmode="overlay")
    note = ""
    if summary.get("cny_conversions"):
        note = "CNY converted at the FX rate of the observation date: " + summary["cny_conversions"]
    return Chart(slug=f"price-{comparison}", title=_title(summary, comparison), figure=fig,
                 data=rows.select(*OFFER_COLUMNS), sources=_sources(rows), as_of=_as_of(rows), note=note)


def over_time_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    rows = con.sql("""SELECT * FROM out.out_price_per_second
                      WHERE price_usd_per_s IS NOT NULL AND valid_from IS NOT NULL
                        AND country_group IN ('CN', 'US') AND (mode IS NULL OR mode = 't2v')
                      ORDER BY valid_from, model_display""").pl()
    fig = go.Figure()
    for group in ("CN", "US"):
        part = rows.filter(pl.col("country_group") == group)
        if part.is_empty():
            continue
        fig.add_trace(go.Scatter(
            x=part["valid_from"].cast(pl.Utf8).to_list(), y=part["price_usd_per_s"].to_list(), mode="markers",
            name=COUNTRY_LABELS[group], marker={"color": COUNTRY_COLORS[group], "size": 9},
            text=[esc(f"{m} — {p}") for m, p in part.select("model_display", "provider").iter_rows()],
            hovertemplate="%{text}<br>%{x}: $%{y:.3f}/s<extra></extra>"))
    fig.update_layout(template=TEMPLATE, font={"family": FONT}, height=380, margin={"l": 60, "r": 20, "t": 20, "b": 50},
                      legend={"orientation": "h", "y": -0.18}, yaxis_title="USD per second (any spec)")
    cheapest = {g: rows.filter(pl.col("country_group") == g).sort("price_usd_per_s").head(1).to_dicts()
                for g in ("CN", "US")}
    parts = [f"{COUNTRY_LABELS[g]} {c[0]['model_display']} {_money(c[0]['price_usd_per_s'])} ({c[0]['valid_from']})"
             for g, c in cheapest.items() if c]
    title = ("Dated text-to-video prices per second, any resolution: cheapest " + " vs ".join(parts)) if parts else "No dated price"
    return Chart(slug="price-over-time", title=title, figure=fig, data=rows.select(*OFFER_COLUMNS, "valid_to"),
                 sources=_sources(rows), as_of=_as_of(rows),
                 note=f"{rows.height} dated observations; undated ones (no as-of in the source) are left out here.")


def price_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    summaries = con.sql("SELECT * FROM out.out_price_country_summary ORDER BY sort_order").pl().to_dicts()
    charts = [offers_chart(con, s) for s in summaries if s["cn_offers"] or s["us_offers"]]
    return [*charts, over_time_chart(con)]
