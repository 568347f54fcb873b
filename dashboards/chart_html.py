"""One chart's block on a page: its finding as the title, a permalink, the chart, a sortable table
of its rows (visible without JavaScript, behind a toggle with it), its glossary terms, a Download
CSV button, short linked source names and a line to cite it with the data licence."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlparse

import polars as pl

from .chart import Chart, esc, figure_json, safe_href, significant
from .glossary import GLOSSARY, term_href
from .names import Names, plural

TABLE_ROWS = 400
HIDDEN_COLUMN = re.compile(r"(^|_)(urls?|sha256|curated_file|curated_row|rule_file)$|^source$")
DATE_COLUMNS = (
    "snapshot_date",
    "trade_date",
    "valid_from",
    "release_date_text",
    "event_date",
    "first_date",
    "change_date",
    "refresh_date",
)
GROUP_COLUMNS = ("country_group", "company_country_code", "country_code")
MODEL_COLUMNS = {"model", "best_model", "number_one_model", "best_cn_model", "best_us_model", "top_model"}
LAB_COLUMNS = {"lab_id", "number_one_lab_id"}
LICENCE = "CC BY 4.0"


def source_label(url: str) -> str:
    """A short, readable name for a source URL: owner/repo for GitHub, else the domain."""
    parsed = urlparse(url)
    host = parsed.netloc.lower().removeprefix("www.")
    parts = [p for p in parsed.path.split("/") if p]
    if host in ("raw.githubusercontent.com", "github.com") and len(parts) >= 2:
        return f"{parts[0]}/{parts[1]} (GitHub)"
    if host == "huggingface.co" and parts[:1] == ["datasets"] and len(parts) >= 3:
        return f"{parts[1]}/{parts[2]} (Hugging Face)"
    return host or url


def sources_html(urls: list[str], limit: int = 6) -> str:
    first: dict[str, str] = {}
    for url in urls:
        first.setdefault(source_label(url), url)
    links = []
    for label, url in list(first.items())[:limit]:
        href = safe_href(url)
        links.append(f'<a href="{esc(href)}" title="{esc(url)}">{esc(label)}</a>' if href else esc(label))
    more = len(first) - limit
    extra = f" and {plural(more, 'more source')} (all URLs in the CSV)" if more > 0 else ""
    total = f" · {plural(len(urls), 'source file')}, each URL in the CSV" if len(urls) > len(first) else ""
    return (" · ".join(links) or "none") + extra + total


def _display(column: str, value, names: Names | None) -> str:
    if value is None:
        return "—"
    if names is not None and column in MODEL_COLUMNS:
        return names.model(value)
    if names is not None and column in LAB_COLUMNS:
        return names.lab(value)
    if names is not None and column in ("ticker", "benchmark_ticker"):
        return names.listing(value)
    if names is not None and column == "event_id":
        return names.event(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if abs(value) >= 1e6:
            return f"{value:,.0f}"
        # thousands separated from 10,000 on, as integers are: a score of 1347.0 reads "1347" and sorts
        # as shown (no data-sort), where "1,347" needed one
        return (f"{value:,.3f}" if abs(value) >= 10000 else f"{value:.3f}").rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


PLAIN_NUMBER = re.compile(r"^-?[\d.]+(e-?\d+)?$", re.IGNORECASE)  # what site.js sorts as a number


def _sort_value(value: float) -> str:
    """What a cell sorts by: a float to 12 significant digits (0.026000000000000002 is 0.026), which
    orders any two values the site shows the same as their full precision does."""
    return repr(significant(value, 12)) if isinstance(value, float) else str(value)


def _sorts_as_shown(shown: str, value: float) -> bool:
    """A cell whose text site.js reads back as its value needs no data-sort (most cells of a table:
    a third of its bytes); "38,210" or a rounded float keeps one."""
    return bool(PLAIN_NUMBER.match(shown)) and float(shown) == float(_sort_value(value))


def _heading(column: str) -> str:
    return column.replace("_pct", " (%)").replace("_usd_per_s", " (USD/s)").replace("_", " ")


def _columns_note(frame: pl.DataFrame, shown: list[str]) -> str:
    """Said above the table when it leaves columns to the CSV (the chart names its columns); above,
    not in the caption, which spans the whole (scrolled) width of a wide table."""
    if len(shown) >= len([c for c in frame.columns if not HIDDEN_COLUMN.search(c)]):
        return ""
    return (
        f'<p class="meta">The table shows {len(shown)} of the {frame.width} columns; '
        f"all {frame.width} columns are in the CSV.</p>"
    )


def data_table(
    frame: pl.DataFrame, caption: str, names: Names | None, table_id: str, columns: tuple[str, ...] = ()
) -> str:
    shown = [c for c in (columns or frame.columns) if not HIDDEN_COLUMN.search(c)]
    date_col = next((c for c in DATE_COLUMNS if c in shown), None)
    group_col = next((c for c in GROUP_COLUMNS if c in shown), None)
    rows = frame.head(TABLE_ROWS)
    head = "".join(
        f'<th scope="col"><span class="sort" role="button" tabindex="0">{esc(_heading(c))}</span></th>' for c in shown
    )
    # The filters' country and date of a row are read by site.js from the columns the table names
    # (once per table, not twice per row: a sixth of a long table's bytes).
    filter_cols = "".join(
        f' data-{kind}-col="{shown.index(c)}"' for kind, c in (("group", group_col), ("date", date_col)) if c
    )
    body = []
    for record in rows.iter_rows(named=True):
        cells = []
        for c in shown:
            value = record[c]
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            text = _display(c, value, names)
            sort = f' data-sort="{esc(_sort_value(value))}"' if numeric and not _sorts_as_shown(text, value) else ""
            cells.append(f"<td{' class=num' if numeric else ''}{sort}>{esc(text)}")
        # no </td> or </tr>: HTML closes a cell at the next cell or row (a fifth of a table's bytes)
        body.append(f"<tr>{''.join(cells)}\n")
    more = (
        f'<p class="meta">The first {TABLE_ROWS} of {frame.height} rows; every row is in the CSV.</p>'
        if frame.height > TABLE_ROWS
        else ""
    )
    # The table sits in <noscript>: without JavaScript it shows as a table; with it, the browser keeps it
    # as text (no elements to build while the charts draw) and site.js turns it into the table on the
    # first "Show table". Every cell is escaped, so no scraped text can close the <noscript>.
    return (
        f'<div class="table-view" id="{esc(table_id)}"><noscript class="table-src">{_columns_note(frame, shown)}'
        # the caption as a reader sees it sits above the scroll box, so it wraps at the box's width
        # (a <caption> spans the whole width of a wide table and is cut off inside the box); the
        # <caption> stays for screen readers, which are spared the visible copy
        f'<p class="meta table-caption" aria-hidden="true">{esc(caption)}</p>'
        f'<div class="table-scroll" tabindex="0" role="region" aria-label="{esc(caption)}">'
        f'<table class="data sortable"{filter_cols}>'
        f'<caption class="visually-hidden">{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{''.join(body)}</tbody></table></div>{more}</noscript></div>\n"
    )


STALE_TITLE = "the data of this source is older than its refresh cadence allows, or its last refresh failed"


def chart_html(chart: Chart, page: str, names: Names | None, source_terms: list[str], as_of_site: str) -> str:
    slug = esc(chart.slug)
    stale = "".join(f'<span class="badge" title="{STALE_TITLE}">stale: {esc(s)}</span>' for s in chart.stale_sources)
    timeseries = (
        f' data-timeseries="1" data-max-gap-days="{chart.max_gap_days:g}"' if chart.max_gap_days is not None else ""
    )
    note = f'<p class="meta">{esc(chart.note)}</p>\n' if chart.note else ""
    terms = "".join(f' · <a href="{term_href(t)}">{esc(GLOSSARY[t][0])}</a>' for t in chart.terms if t in GLOSSARY)
    terms_html = f'<p class="meta terms">What the terms mean{terms}</p>\n' if terms else ""
    as_of = chart.as_of or f"undated in its sources (the site as of {as_of_site})"
    alt = f"Chart: {chart.title}. The same data is in the table (Show table) and the CSV."
    terms_of_sources = "; ".join(source_terms) if source_terms else "each publisher's own terms"
    return (
        f'<section class="chart" id="{slug}" aria-labelledby="{slug}-title"{timeseries}>\n'
        f'<h3 id="{slug}-title"><a class="permalink" href="#{slug}" aria-label="Permalink to this chart">#</a>'
        f"{esc(chart.title)}{stale}</h3>\n"
        f'<div class="tools needs-js"><button type="button" class="view-toggle" aria-pressed="false" '
        f'aria-controls="{slug}-table">Show table</button></div>\n'
        f'<div class="plot" id="plot-{slug}" data-chart="{slug}" role="img" aria-label="{esc(alt)}"></div>\n'
        + data_table(chart.data, f"Data behind: {chart.title}", names, f"{chart.slug}-table", chart.table_columns)
        + note
        + terms_html
        + f'<p class="tools"><a class="button primary" href="data/{slug}.csv" download>Download CSV</a>'
        f'<span class="meta sources">Sources: {sources_html(chart.sources)}</span></p>\n'
        f'<p class="cite">Cite this chart: videorace, “{esc(chart.title)}”, {esc(page)}#{slug}, data as of '
        f"{esc(as_of)}. Our compilation is licensed {LICENCE}; the underlying data stay under their sources' "
        f"terms ({esc(terms_of_sources)}).</p>\n"
        "</section>\n"
    )


def figure_script(chart: Chart) -> str:
    """The chart's figure as JSON, placed after <main> (no script inside the content)."""
    return f'<script type="application/json" class="figure" id="fig-{esc(chart.slug)}">{figure_json(chart.figure)}</script>\n'
