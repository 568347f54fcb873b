"""One chart's block on a page: its finding as the title, a permalink, the chart, a sortable table
of its rows (visible without JavaScript, behind a toggle with it), its glossary terms, a Download
CSV button, short linked source names and a line to cite it with the data licence."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlparse

import polars as pl

from .chart import Chart, esc, figure_json, safe_href
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
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


PLAIN_NUMBER = re.compile(r"^-?[\d.]+(e-?\d+)?$", re.IGNORECASE)  # what site.js sorts as a number


def _sorts_as_shown(shown: str, value: float) -> bool:
    """A cell whose text site.js reads back as its exact value needs no data-sort (most cells of a
    table: a third of its bytes); "38,210" or a rounded float keeps one."""
    return bool(PLAIN_NUMBER.match(shown)) and float(shown) == value


def _heading(column: str) -> str:
    return column.replace("_pct", " (%)").replace("_usd_per_s", " (USD/s)").replace("_", " ")


def data_table(frame: pl.DataFrame, caption: str, names: Names | None, table_id: str) -> str:
    columns = [c for c in frame.columns if not HIDDEN_COLUMN.search(c)]
    date_col = next((c for c in DATE_COLUMNS if c in columns), None)
    group_col = next((c for c in GROUP_COLUMNS if c in columns), None)
    rows = frame.head(TABLE_ROWS)
    head = "".join(
        f'<th scope="col"><span class="sort" role="button" tabindex="0">{esc(_heading(c))}</span></th>' for c in columns
    )
    body = []
    for record in rows.iter_rows(named=True):
        attrs = ""
        if group_col and record[group_col] is not None:
            group = record[group_col] if record[group_col] in ("CN", "US", "other", "unknown") else "other"
            attrs += f' data-group="{esc(group)}"'
        if date_col and isinstance(record[date_col], date | str) and record[date_col]:
            attrs += f' data-date="{esc(str(record[date_col])[:10])}"'
        cells = []
        for c in columns:
            value = record[c]
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            shown = _display(c, value, names)
            sort = f' data-sort="{esc(value)}"' if numeric and not _sorts_as_shown(shown, value) else ""
            cells.append(f"<td{' class=num' if numeric else ''}{sort}>{esc(shown)}")
        # no </td> or </tr>: HTML closes a cell at the next cell or row (a fifth of a table's bytes)
        body.append(f"<tr{attrs}>{''.join(cells)}\n")
    more = (
        f'<p class="meta">The first {TABLE_ROWS} of {frame.height} rows; every row is in the CSV.</p>'
        if frame.height > TABLE_ROWS
        else ""
    )
    # The table sits in <noscript>: without JavaScript it shows as a table; with it, the browser keeps it
    # as text (no elements to build while the charts draw) and site.js turns it into the table on the
    # first "Show table". Every cell is escaped, so no scraped text can close the <noscript>.
    return (
        f'<div class="table-view" id="{esc(table_id)}"><noscript class="table-src">'
        f'<div class="table-scroll" tabindex="0" role="region" aria-label="{esc(caption)}">'
        f'<table class="data sortable"><caption class="meta">{esc(caption)}</caption>'
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
        + data_table(chart.data, f"Data behind: {chart.title}", names, f"{chart.slug}-table")
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
