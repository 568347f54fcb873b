"""Render the static site: deterministic HTML pages sharing one plotly.js file, one chart template
(chart-template.js), one script (site.js) and one stylesheet (site.css), written next to the pages
and referenced, never inlined, so the site works offline and each page stays small."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import plotly.io as pio
import polars as pl

from .chart import Chart, esc, neutralise_csv
from .chart_html import chart_html, figure_script
from .names import Names
from .theme import COUNTRY_LABELS

ASSETS = Path(__file__).parent / "assets"
# plotly.js's basic bundle (scatter, bar, pie), vendored: a quarter of the full build's bytes and
# parse time (assets/vendor/README.md says where it was read and how it is checked)
PLOTLY_JS = "plotly-basic.min.js"
PLOTLY_BUNDLE = ASSETS / "vendor" / PLOTLY_JS
# Chromium's explicit compile hint: the published copy starts with this magic comment, so V8 compiles
# the bundle's functions while streaming it on a background thread instead of lazily, one by one, on
# the main thread during the first chart (the vendored file stays byte-exact; browsers without the
# hint read a comment). https://v8.dev/blog/explicit-compile-hints
COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"
# the trace types that bundle draws; a figure with any other type is refused when the site is built
PLOTLY_BUNDLE_TRACES = frozenset({"scatter", "bar", "pie"})
SHARED_FILES = (PLOTLY_JS, "chart-template.js", "site.js", "site.css")
FOOTER = (
    "Data compiled by videorace from public sources, real data only; our compilation is licensed "
    'CC BY 4.0, each source\'s data stays under its own terms (see <a href="methodology.html#sources">'
    "sources and licences</a>)."
)


@dataclass
class Section:
    anchor: str
    heading: str
    intro: str = ""
    charts: list[Chart] = field(default_factory=list)
    html_blocks: list[str] = field(default_factory=list)  # already-escaped HTML built by this package
    source_terms: dict[str, list[str]] = field(default_factory=dict)  # chart slug -> its sources' terms


@dataclass
class Page:
    file: str
    title: str
    subtitle: str
    sections: list[Section]
    nav_label: str
    filters: bool = False  # a country filter and date range for the page's time series


def _filters_html(charts: list[Chart]) -> str:
    groups = []
    for chart in charts:
        for trace in chart.figure.data:
            name = f"{trace.legendgroup or ''} {trace.name or ''}"
            for code, label in COUNTRY_LABELS.items():
                if label in name and code not in groups:
                    groups.append(code)
    order = [g for g in COUNTRY_LABELS if g in groups]
    dates = sorted(
        str(v)[:10]
        for c in charts
        if c.max_gap_days is not None
        for t in c.figure.data
        for v in (t.x or ())
        if isinstance(v, str) and len(v) >= 10
    )
    if not order and not dates:
        return ""
    boxes = "".join(
        f'<label><input type="checkbox" name="group" value="{g}" checked> {esc(COUNTRY_LABELS[g])}</label>'
        for g in order
    )
    lo, hi = (dates[0], dates[-1]) if dates else ("", "")
    return (
        '<form class="filters needs-js" aria-label="Filter the time series on this page">\n'
        f"<fieldset><legend>Countries</legend>{boxes}</fieldset>\n"
        f'<label>From <input type="date" name="from" min="{lo}" max="{hi}"></label>'
        f'<label>To <input type="date" name="to" min="{lo}" max="{hi}"></label>'
        '<button type="reset">Reset</button></form>\n'
    )


def render_page(
    page: Page, nav: list[tuple[str, str]], names: Names | None = None, as_of: str = "", data_through: str = ""
) -> str:
    """data_through: the header's line of per-family data-through dates (data_through.data_through_html)."""
    charts = [c for s in page.sections for c in s.charts]
    body = []
    if page.filters:
        body.append(_filters_html(charts))
    for section in page.sections:
        if section.heading != page.title:
            body.append(f'<h2 id="{esc(section.anchor)}">{esc(section.heading)}</h2>\n')
        else:
            body.append(f'<span id="{esc(section.anchor)}"></span>\n')
        if section.intro:
            body.append(f'<p class="lede">{esc(section.intro)}</p>\n')
        body.extend(section.html_blocks)
        body.extend(
            chart_html(c, page.file, names, section.source_terms.get(c.slug, []), as_of) for c in section.charts
        )
    current = ' aria-current="page"'
    nav_html = "".join(
        f'<li><a href="{esc(href)}"{current if href == page.file else ""}>{esc(label)}</a></li>' for label, href in nav
    )
    scripts = (
        "".join(figure_script(c) for c in charts)
        + (
            f'<script src="{PLOTLY_JS}"></script>\n<script src="chart-template.js"></script>\n'
            '<script src="site.js"></script>\n'
        )
        if charts
        else ""
    )
    noscript = (
        (
            '<noscript><p class="meta">The charts need JavaScript; every chart\'s data is shown as a table '
            "below it and offered as a CSV.</p></noscript>\n"
        )
        if charts
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(page.title)} · videorace</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n<link rel="stylesheet" href="site.css">\n'
        '<link rel="alternate" type="application/atom+xml" href="changes.atom" title="What changed">\n'
        f'</head>\n<body>\n<a class="skip" href="#main">Skip to the content</a>\n'
        f'<header><p class="brand"><a href="index.html">videorace · the China vs U.S. AI video race</a></p>'
        f'<h1>{esc(page.title)}</h1><p class="sub">{esc(page.subtitle)}</p>{data_through}</header>\n'
        f'<nav aria-label="Pages"><ul>{nav_html}</ul></nav>\n'
        f'<main id="main">\n{noscript}{"".join(body)}</main>\n<footer>{FOOTER}</footer>\n{scripts}'
        "</body>\n</html>\n"
    )


def _template_js() -> str:
    template = pio.templates["plotly_white"].to_plotly_json()
    template["layout"]["font"] = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"}
    return (
        "/* plotly_white, the one chart template every chart of the site uses */\nwindow.VR_TEMPLATE = "
        + json.dumps(template, sort_keys=True, separators=(",", ":"))
        + ";\n"
    )


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    if isinstance(data, str):
        tmp.write_text(data, encoding="utf-8")
    else:
        tmp.write_bytes(data)
    tmp.replace(path)
    return path


def write_site(
    site_dir: Path,
    pages: dict[str, str],
    charts: list[Chart],
    tables: dict[str, pl.DataFrame] | None = None,
    keep: list[Path] | None = None,
) -> list[Path]:
    """Write the pages, the shared files, one CSV per chart and the extra CSVs in `tables`
    (name -> rows) under data/; every text cell neutralised. `keep`: files this build wrote
    otherwise (the full-data CSVs). CSVs left in data/ by an earlier build and not written or kept
    by this one are removed."""
    site_dir = Path(site_dir)
    for chart in charts:
        unsupported = {trace.type for trace in chart.figure.data} - PLOTLY_BUNDLE_TRACES
        if unsupported:
            raise ValueError(
                f"chart {chart.slug}: trace type {', '.join(sorted(unsupported))} is not in the vendored plotly.js "
                f"basic bundle ({', '.join(sorted(PLOTLY_BUNDLE_TRACES))}); vendor a bundle that has it"
            )
    written = [_write(site_dir / name, text) for name, text in pages.items()] + list(keep or [])
    plotly_path = site_dir / PLOTLY_JS
    plotly_js = COMPILE_HINT + PLOTLY_BUNDLE.read_bytes()
    if not plotly_path.exists() or plotly_path.read_bytes() != plotly_js:
        _write(plotly_path, plotly_js)
    written.append(plotly_path)
    written.append(_write(site_dir / "chart-template.js", _template_js()))
    for name in ("site.js", "site.css"):
        written.append(_write(site_dir / name, (ASSETS / name).read_text(encoding="utf-8")))
    data_dir = site_dir / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    for chart in charts:
        path = data_dir / f"{chart.slug}.csv"
        neutralise_csv(chart.data).write_csv(path)
        written.append(path)
    for name, frame in (tables or {}).items():
        path = data_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        neutralise_csv(frame).write_csv(path)
        written.append(path)
    for leftover in sorted(data_dir.rglob("*.csv")):
        if leftover not in written:
            leftover.unlink()
    for leftover in sorted(site_dir.glob("*.html")):
        if leftover not in written:
            leftover.unlink()
    return written
