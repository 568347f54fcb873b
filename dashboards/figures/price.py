"""Q2 price: what one second of generated video costs, China vs U.S., at each reference spec."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, esc, plot_text, totally_ordered
from ..theme import COUNTRY_COLORS, COUNTRY_LABELS, base_layout

COMPARISONS = {
    "720p_no_audio": "720p without audio (reference spec)",
    "1080p_audio": "1080p with audio (reference spec)",
    "720p_any_audio": "720p, audio with, without or not stated",
    "1080p_any_audio": "1080p, audio with, without or not stated",
    "all_resolutions": "any resolution",
}
# an offer as the charts label it, and its price
OFFER_LABEL_COLUMNS = (
    "country_group",
    "model_display",
    "provider",
    "tier",
    "resolution",
    "has_audio",
    "price_usd_per_s",
)
CONVERSION_COLUMNS = ("usd_method", "price_native", "native_currency", "fx_rate_cny_per_usd", "fx_date", "as_of_text")
OFFER_COLUMNS = (*OFFER_LABEL_COLUMNS, *CONVERSION_COLUMNS, "valid_from", "source_url")
# The tables show the offer as the charts label it (model, provider, tier, resolution, audio), its
# price and date; how a price was converted (method, native price and currency, FX rate and date,
# the source's own date text) is in the CSV. The bar charts' hover shows the native price, so their
# (short) tables keep it.
TABLE_COLUMNS = (*OFFER_LABEL_COLUMNS, "valid_from")
BAR_TABLE_COLUMNS = (*TABLE_COLUMNS, "price_native", "native_currency", "usd_method")


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
    return totally_ordered(rows, "price_usd_per_s", "model_display", "provider")


def _title(summary: dict, comparison: str) -> str:
    label = COMPARISONS[comparison]
    cn, us = summary["cn_median_usd_per_s"], summary["us_median_usd_per_s"]
    if cn is None and us is None:
        return f"No Chinese or U.S. price at {label}"
    if cn is None or us is None:
        side, other = ("U.S.", "Chinese") if cn is None else ("Chinese", "U.S.")
        cheapest = summary["us_cheapest"] if cn is None else summary["cn_cheapest"]
        return (
            f"At {label} only {side} offers have a price ({_money(us if cn is None else cn)} median, "
            f"cheapest {cheapest}); no {other} offer at this spec, so no ratio"
        )
    cheaper = "Chinese" if cn < us else "U.S."
    return (
        f"At {label}, {cheaper} offers are cheaper: median China {_money(cn)} vs U.S. {_money(us)} "
        f"(China = {summary['median_ratio_cn_to_us']:.2f}× the U.S.; minimum {_money(summary['cn_min_usd_per_s'])} "
        f"vs {_money(summary['us_min_usd_per_s'])}, ratio {summary['min_ratio_cn_to_us']:.2f})"
    )


# A bar per offer reads well up to about this many offers; beyond it (the any-resolution comparison
# has ~240) the chart becomes one dot per offer on a log axis, one row per country: 7,000 px of
# bars were slow to draw and unreadable, and the table toggle still lists every offer.
MAX_BARS = 40


def _by_country(rows: pl.DataFrame, labels: list[str]):
    """(group, its offers, their labels) for China then the U.S., skipping a country with none."""
    for group in ("CN", "US"):
        mask = [g == group for g in rows["country_group"].to_list()]
        if any(mask):
            yield group, rows.filter(pl.Series(mask)), [lbl for lbl, keep in zip(labels, mask, strict=True) if keep]


def _strip_figure(rows: pl.DataFrame, labels: list[str]) -> go.Figure:
    fig = go.Figure()
    for group, part, part_labels in _by_country(rows, labels):
        fig.add_trace(
            go.Scatter(
                x=part["price_usd_per_s"].to_list(),
                y=[COUNTRY_LABELS[group]] * part.height,
                mode="markers",
                name=COUNTRY_LABELS[group],
                marker={"color": COUNTRY_COLORS[group], "size": 9, "opacity": 0.6},
                meta={"group": group},
                text=[plot_text(lbl) for lbl in part_labels],
                hovertemplate="%{text}: $%{x:.3f}/s<extra></extra>",
            )
        )
    base_layout(fig, height=240, xaxis_title="USD per second (log scale)", yaxis={"automargin": True})
    ticks = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5]
    fig.update_xaxes(type="log", tickvals=ticks, ticktext=[f"${t:g}" for t in ticks])
    return fig


def offers_chart(con: duckdb.DuckDBPyConnection, summary: dict) -> Chart:
    comparison = summary["comparison"]
    rows = _offers(con, comparison)
    labels = [
        f"{m} — {p}{' · ' + t if t else ''}{' · ' + r if r and comparison == 'all_resolutions' else ''}"
        for m, p, t, r in rows.select("model_display", "provider", "tier", "resolution").iter_rows()
    ]
    fig = _strip_figure(rows, labels) if rows.height > MAX_BARS else _bar_figure(rows, labels)
    note = f"One dot per offer ({rows.height}); the table lists them all. " if rows.height > MAX_BARS else ""
    if summary.get("cny_conversions"):
        note += "CNY converted at the FX rate of the observation date: " + summary["cny_conversions"]
    return Chart(
        slug=f"price-{comparison}",
        title=_title(summary, comparison),
        figure=fig,
        data=rows.select(*OFFER_COLUMNS),
        sources=_sources(rows),
        as_of=_as_of(rows),
        note=note,
        terms=("price-per-second",) + (("reference-spec",) if comparison in REFERENCE else ()),
        table_columns=TABLE_COLUMNS if rows.height > MAX_BARS else BAR_TABLE_COLUMNS,
    )


def _bar_figure(rows: pl.DataFrame, labels: list[str]) -> go.Figure:
    fig = go.Figure()
    for group, part, part_labels in _by_country(rows, labels):
        fig.add_trace(
            go.Bar(
                x=part["price_usd_per_s"].to_list(),
                y=[plot_text(lbl) for lbl in part_labels],
                orientation="h",
                name=COUNTRY_LABELS[group],
                marker={"color": COUNTRY_COLORS[group]},
                meta={"group": group},
                text=[f"${v:.3f}" for v in part["price_usd_per_s"].to_list()],
                textposition="outside",
                cliponaxis=False,
                customdata=[
                    plot_text(f"{n} {c} · {m}")
                    for n, c, m in part.select("price_native", "native_currency", "usd_method").iter_rows()
                ],
                hovertemplate="%{y}: $%{x:.3f}/s (%{customdata})<extra></extra>",
            )
        )
    base_layout(
        fig,
        height=max(260, 28 * rows.height + 120),
        xaxis_title="USD per second",
        yaxis={"automargin": True, "categoryorder": "total descending"},
        barmode="overlay",
    )
    fig.update_xaxes(range=[0, float(rows["price_usd_per_s"].max()) * 1.35])
    return fig


REFERENCE = ("720p_no_audio", "1080p_audio")


def one_sided_sentence(summaries: list[dict]) -> str:
    """Comparisons where only one country has a price say so in a sentence (a chart of one bar and
    no ratio says nothing more), with the cheapest offer and a link to every offer's row."""
    parts = []
    for s in summaries:
        side = "CN" if s["cn_offers"] and not s["us_offers"] else "US"
        median = s["cn_median_usd_per_s"] if side == "CN" else s["us_median_usd_per_s"]
        cheapest = s["cn_cheapest"] if side == "CN" else s["us_cheapest"]
        offers = s["cn_offers"] if side == "CN" else s["us_offers"]
        other = "U.S." if side == "CN" else "Chinese"
        parts.append(
            f"at {COMPARISONS[s['comparison']]}, only {COUNTRY_LABELS[side]} has a price "
            f"({offers} offer{'s' if offers != 1 else ''}, median {_money(median)}; cheapest {cheapest}) "
            f"and no {other} offer"
        )
    return (
        '<p class="finding">'
        + esc(
            "No China-to-U.S. ratio at "
            + ("these specs" if len(parts) > 1 else "this spec")
            + ": "
            + "; ".join(parts)
            + "."
        )
        + ' Every offer, with its source: <a href="data/tables/out.out_price_per_second.csv" download>'
        "out_price_per_second (CSV)</a>.</p>\n"
    )


def over_time_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    rows = con.sql("""SELECT * FROM out.out_price_per_second
                      WHERE price_usd_per_s IS NOT NULL AND valid_from IS NOT NULL
                        AND country_group IN ('CN', 'US') AND (mode IS NULL OR mode = 't2v')""").pl()
    rows = totally_ordered(rows, "valid_from", "model_display")
    fig = go.Figure()
    for group in ("CN", "US"):
        part = rows.filter(pl.col("country_group") == group)
        if part.is_empty():
            continue
        fig.add_trace(
            go.Scatter(
                x=part["valid_from"].cast(pl.Utf8).to_list(),
                y=part["price_usd_per_s"].to_list(),
                mode="markers",
                name=COUNTRY_LABELS[group],
                marker={"color": COUNTRY_COLORS[group], "size": 9},
                meta={"group": group},
                text=[plot_text(f"{m} — {p}") for m, p in part.select("model_display", "provider").iter_rows()],
                hovertemplate="%{text}<br>%{x}: $%{y:.3f}/s<extra></extra>",
            )
        )
    base_layout(fig, "USD per second (any spec)")
    cheapest = {
        g: rows.filter(pl.col("country_group") == g).sort("price_usd_per_s").head(1).to_dicts() for g in ("CN", "US")
    }
    parts = [
        f"{COUNTRY_LABELS[g]} {c[0]['model_display']} {_money(c[0]['price_usd_per_s'])} ({c[0]['valid_from']})"
        for g, c in cheapest.items()
        if c
    ]
    title = (
        ("Dated text-to-video prices per second, any resolution: cheapest " + " vs ".join(parts))
        if parts
        else "No dated price"
    )
    return Chart(
        slug="price-over-time",
        title=title,
        figure=fig,
        data=rows.select(*OFFER_COLUMNS, "valid_to"),
        sources=_sources(rows),
        as_of=_as_of(rows),
        terms=("price-per-second",),
        max_gap_days=0,
        table_columns=(*TABLE_COLUMNS, "valid_to"),
        note=f"{rows.height} dated observations, one marker each (prices are not joined by lines: a "
        "price holds until the next observation of the same offer); undated ones are left out here.",
    )


def price_charts(con: duckdb.DuckDBPyConnection) -> tuple[list[Chart], list[str]]:
    """The charts, and sentences for comparisons where only one country has a price."""
    summaries = con.sql("SELECT * FROM out.out_price_country_summary ORDER BY sort_order").pl().to_dicts()
    both = [s for s in summaries if s["cn_offers"] and s["us_offers"]]
    one_sided = [s for s in summaries if bool(s["cn_offers"]) != bool(s["us_offers"])]
    charts = [offers_chart(con, s) for s in both]
    return [*charts, over_time_chart(con)], ([one_sided_sentence(one_sided)] if one_sided else [])
