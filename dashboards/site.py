"""Render the static site: deterministic HTML, plotly.js inlined once, every chart with its
finding as the title, its sources, its data-as-of date and a CSV download of its rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from plotly.offline import get_plotlyjs

from .chart import Chart, esc, figure_json, safe_href

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#111;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#bbb;font-size:14px}nav{padding:8px 32px;background:#222}
nav a{color:#ddd;margin-right:18px;font-size:14px;text-decoration:none}main{padding:8px 32px 40px;max-width:1200px}
section.chart{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:14px 18px;margin:18px 0}
section.chart h3{font-size:16px;margin:0 0 8px}.meta{font-size:12px;color:#555;margin-top:6px}
.meta a{color:#2a62b8;word-break:break-all}.badge{background:#b45309;color:#fff;border-radius:4px;padding:1px 6px;
font-size:11px;margin-left:6px}.lede{font-size:15px;color:#333}table{border-collapse:collapse;font-size:13px}
td,th{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}
table{table-layout:fixed;width:100%}td a{word-break:break-all}td{overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;margin:12px 0}
.card{background:#fff;border:1px solid #e3e3e3;border-top:4px solid #444;border-radius:8px;padding:10px 14px}
.card-label{font-size:12px;color:#555;text-transform:uppercase;letter-spacing:.03em}
.card-value{font-size:20px;font-weight:600;margin:4px 0;word-break:break-word}.card-detail{font-size:13px;color:#333}.card .meta a{white-space:nowrap}
h2{margin-top:28px}main ul li{margin:4px 0;line-height:1.45}
"""


@dataclass
class Section:
    anchor: str
    heading: str
    intro: str = ""
    charts: list[Chart] = field(default_factory=list)
    html_blocks: list[str] = field(default_factory=list)  # already-escaped HTML built by this package


def _chart_html(chart: Chart) -> str:
    links = []
    for url in chart.sources[:4]:
        href = safe_href(url)
        links.append(f'<a href="{esc(href)}">{esc(url)}</a>' if href else esc(url))
    more = f" and {len(chart.sources) - 4} more (all listed in the CSV)" if len(chart.sources) > 4 else ""
    stale = "".join(f'<span class="badge" title="source is past its refresh cadence">stale: {esc(s)}</span>'
                    for s in chart.stale_sources)
    note = f'<p class="meta">{esc(chart.note)}</p>' if chart.note else ""
    return (
        f'<section class="chart" id="{esc(chart.slug)}">\n<h3>{esc(chart.title)}{stale}</h3>\n'
        f'<div class="plot" id="plot-{esc(chart.slug)}" data-chart="{esc(chart.slug)}"></div>\n{note}'
        f'<p class="meta">Sources: {" · ".join(links) or "unknown"}{more}<br>'
        f'Data as of {esc(chart.as_of or "unknown")} · <a href="data/{esc(chart.slug)}.csv" download>CSV of this chart</a></p>\n'
        "</section>\n"
    )


def _script(chart: Chart) -> str:
    return (f"Plotly.newPlot('plot-{chart.slug}', ...(f => [f.data, f.layout])({figure_json(chart.figure)}), "
            "{responsive: true, displaylogo: false});\n")


def render_page(title: str, subtitle: str, sections: list[Section], nav: list[tuple[str, str]]) -> str:
    charts = [c for s in sections for c in s.charts]
    body = []
    for section in sections:
        body.append(f'<h2 id="{esc(section.anchor)}">{esc(section.heading)}</h2>\n')
        if section.intro:
            body.append(f'<p class="lede">{esc(section.intro)}</p>\n')
        body.extend(section.html_blocks)
        body.extend(_chart_html(c) for c in section.charts)
    nav_html = "".join(f'<a href="{esc(href)}">{esc(label)}</a>' for label, href in nav)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{esc(title)}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<link rel=\"icon\" href=\"data:,\">\n"
        f"<style>{STYLE}</style>\n"
        + (f'<script type="text/javascript">{get_plotlyjs()}</script>\n' if charts else "")
        + f"</head>\n<body>\n<header><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header>\n<nav>{nav_html}</nav>\n"
        f"<main>\n{''.join(body)}</main>\n"
        + (f"<script>\n{''.join(_script(c) for c in charts)}</script>\n" if charts else "")
        + "</body>\n</html>\n"
    )


def write_site(site_dir: Path, pages: dict[str, str], charts: list[Chart],
               tables: dict[str, pl.DataFrame] | None = None) -> list[Path]:
    """Write the pages, one CSV per chart and the extra CSVs in `tables` (name -> rows) under data/;
    CSVs left in data/ by an earlier build that this build did not write are removed."""
    site_dir = Path(site_dir)
    (site_dir / "data").mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages.items():
        path = site_dir / name
        tmp = path.with_suffix(".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    for chart in charts:
        path = site_dir / "data" / f"{chart.slug}.csv"
        chart.data.write_csv(path)
        written.append(path)
    for name, frame in (tables or {}).items():
        path = site_dir / "data" / name
        frame.write_csv(path)
        written.append(path)
    for leftover in sorted((site_dir / "data").glob("*.csv")):
        if leftover not in written:
            leftover.unlink()
    return written
