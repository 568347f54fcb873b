"""Every page stays light on a first visit (issue 12.2: <= 1.5 MB with the files it loads), and the
tables that show fewer columns than their CSV still show everything their chart draws: its numbers,
its dates and the names in its labels."""

from __future__ import annotations

import html
import json
import math
import re

import duckdb
import pytest

from dashboards.chart_html import _heading
from dashboards.sections import q1_quality, q2_price

# HTML alone; with plotly.js (1.14 MiB), chart-template.js, site.js and site.css a first visit stays
# under 1.5 MB with about 35 KB to spare. Before the tables named their columns: 360 KB and 353 KB.
HTML_BUDGET = {"price.html": 250_000, "quality.html": 230_000}
FIRST_VISIT_BUDGET = 1_500_000
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _page(replay_warehouse, name: str) -> str:
    return (replay_warehouse / "site" / name).read_text(encoding="utf-8")


def test_pages_stay_under_their_budget_on_a_first_visit(replay_warehouse):
    site = replay_warehouse / "site"
    for page in sorted(site.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        shared = re.findall(r'<script src="([^"]+)"', text) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        first_visit = page.stat().st_size + sum((site / f).stat().st_size for f in shared)
        assert first_visit <= FIRST_VISIT_BUDGET, (page.name, first_visit)
        if page.name in HTML_BUDGET:
            assert "plotly-basic.min.js" in shared and first_visit > 1_300_000  # the shared files are counted
            assert page.stat().st_size <= HTML_BUDGET[page.name], (page.name, page.stat().st_size)


def _tables(text: str) -> dict[str, tuple[list[str], list[list[tuple[str, str]]], str]]:
    """slug -> (headings, rows of (cell attributes, text), what precedes the table)."""
    tables = {}
    for slug, note, body in re.findall(
        r'<div class="table-view" id="([^"]+)-table"><noscript class="table-src">(.*?)<div class="table-scroll"'
        r"(.*?)</noscript>",
        text,
        re.S,
    ):
        heads = [html.unescape(h) for h in re.findall(r'<span class="sort"[^>]*>([^<]*)</span>', body)]
        rows = [
            [(a, html.unescape(t)) for a, t in re.findall(r"<td([^>]*)>([^<\n]*)", row)]
            for row in body.split("<tbody>", 1)[1].split("<tr>")[1:]
        ]
        tables[slug] = (heads, rows, note)
    return tables


def _numbers(rows) -> set[float]:
    """Every number a table shows, at its sorting precision (data-sort where the text is rounded)."""
    found = set()
    for row in rows:
        for attrs, text in row:
            sort = re.search(r'data-sort="([^"]+)"', attrs)
            try:
                found.add(round(float(sort.group(1) if sort else text), 6))
            except ValueError:
                pass
    return found


def _label_names(label: str) -> list[str]:
    """The table values a hover label is made of: "model — provider · tier", or the lead chart's
    "China <model> vs U.S. <model>; #1 <model>"."""
    lead = re.match(r"^China (.*) vs U\.S\. (.*); #1 (.*)$", label)
    return list(lead.groups()) if lead else re.split(r" — | · ", label)


def _drawn(figure: dict):
    """(numbers, dates, label names) the figure draws or shows in its hover."""
    numbers, dates, names = set(), set(), set()
    for trace in figure["data"]:
        for axis in ("x", "y"):
            for value in trace.get(axis) or []:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    numbers.add(round(float(value), 6))
                elif isinstance(value, str) and DATE.match(value):
                    dates.add(value)
        if trace.get("type") == "scatter":
            for label in trace.get("text") or []:
                names.update(n for n in _label_names(html.unescape(label or "")) if n)
    return numbers, dates, names


@pytest.fixture(scope="module")
def charts(replay_warehouse):
    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        return {c.slug: c for module in (q1_quality, q2_price) for c in module.build(con).charts}
    finally:
        con.close()


def test_a_table_with_named_columns_shows_what_its_chart_draws(replay_warehouse, charts):
    tables = {}
    for name in ("price.html", "quality.html"):
        text = _page(replay_warehouse, name)
        figures = dict(re.findall(r'class="figure" id="fig-([^"]+)">(.*?)</script>', text, re.S))
        tables |= {slug: (*table, json.loads(figures[slug])) for slug, table in _tables(text).items()}
    trimmed = [slug for slug, chart in charts.items() if chart.table_columns]
    # every chart of both pages but the eight-row Artificial Analysis one names its columns
    assert len(trimmed) == len(charts) - 1 == 19 and "aa-ci-lead" not in trimmed
    for slug in trimmed:
        chart = charts[slug]
        heads, rows, note, figure = tables[slug]
        assert heads == [_heading(c) for c in chart.table_columns], slug
        assert len(rows) == chart.data.height and all(len(r) == len(heads) for r in rows), slug
        assert f"{len(heads)} of the {chart.data.width} columns" in note and "in the CSV" in note, slug
        numbers, dates, names = _drawn(figure)
        assert numbers, slug
        shown = _numbers(rows)
        cells = {t for row in rows for _, t in row}
        assert not [n for n in numbers if n not in shown and not any(math.isclose(n, s) for s in shown)], slug
        assert dates <= cells and names <= cells, (slug, dates - cells, names - cells)
        if chart.max_gap_days is not None:  # a time series: the filters read each row's date (and country)
            assert any(c in chart.table_columns for c in ("snapshot_date", "valid_from")), slug
            for group in ("country_group", "country_code"):
                assert group not in chart.data.columns or group in chart.table_columns, slug
    # the lead chart's bars are the signed gap, now a column of the table and the CSV
    lead = tables["ci-lead-text-to-video"]
    assert "cn minus us points" in lead[0] and "-34" in {t for _, t in lead[1][0]}
    over_time = tables["price-over-time"]
    assert len(over_time[1]) == 392 and "fx date" not in over_time[0] and "provider" in over_time[0]


def test_the_csv_keeps_every_column(replay_warehouse, charts):
    import polars as pl

    for slug in ("price-over-time", "ci-lead-text-to-video", "share-top10-text-to-video"):
        csv = pl.read_csv(replay_warehouse / "site" / "data" / f"{slug}.csv", infer_schema_length=0)
        assert csv.columns == charts[slug].data.columns and len(csv.columns) > len(charts[slug].table_columns)
    over_time = pl.read_csv(replay_warehouse / "site" / "data" / "price-over-time.csv", infer_schema_length=0)
    assert {"fx_rate_cny_per_usd", "fx_date", "as_of_text", "source_url", "usd_method"} <= set(over_time.columns)
