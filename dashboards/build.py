"""Build the published site from the marts and out_ tables of the warehouse: index.html (the
overview: headline numbers, the pages, what changed, the full data), one page per question,
methodology.html, changes.atom, the shared plotly.js/template/script/stylesheet and the CSVs behind
every chart, headline and table. Same warehouse, same bytes."""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import duckdb

from .changes import FEED_NAME, atom_feed, changes_section
from .data_through import data_through_html
from .fulldata import full_data_section
from .methodology import methodology_sections
from .names import Names
from .overview import build_headlines, overview_html, pages_html
from .sections import section_modules
from .site import Page, Section, render_page, write_site
from .sources import SourceRow, source_registry, stale_sources

TITLE = "videorace — the China vs U.S. AI video-generation race"


def _missing_tables(con: duckdb.DuckDBPyConnection, module) -> list[str]:
    """A section names the tables it reads in OUT_TABLES ("out_x" or "schema.table"); a section
    whose tables are not in this warehouse (e.g. its family was not built) is left out."""
    present = {
        (s, t) for s, t in con.execute("SELECT table_schema, table_name FROM information_schema.tables").fetchall()
    }
    names = {t for _, t in present}
    missing = []
    for table in getattr(module, "OUT_TABLES", ()):
        schema, _, name = table.rpartition(".")
        if (schema and (schema, name) not in present) or (not schema and name not in names):
            missing.append(table)
    return missing


def _snapshot_sources(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """URL -> source of every stored snapshot: a replayed row's URL is where its recording was read
    (a repository at a commit), not the live URL, so the warehouse says which source it belongs to."""
    return dict(con.execute("SELECT url, any_value(source) FROM raw.snapshots GROUP BY url").fetchall())


def _source_terms(
    section: Section, sources: tuple[str, ...], url_sources: dict[str, str], registry: dict[str, SourceRow]
) -> None:
    """Per chart, the terms of the registered sources its URLs come from (the snapshot's source, else
    the longest live-URL prefix)."""
    known = [registry[n] for n in sources if n in registry]
    for chart in section.charts:
        terms, unmatched = [], False
        for url in chart.sources:
            match = registry.get(url_sources.get(url, "")) or max(
                (s for s in known if url.startswith(s.live_url)), key=lambda s: len(s.live_url), default=None
            )
            if match is None:
                unmatched = True
            elif f"{match.title}: {match.terms}" not in terms:
                terms.append(f"{match.title}: {match.terms}")
        if unmatched:
            terms.append("curated citations: each publisher's own terms")
        section.source_terms[chart.slug] = terms


def build_sections(con: duckdb.DuckDBPyConnection) -> tuple[list[Section], list[str]]:
    sections, skipped = [], []
    url_sources = _snapshot_sources(con)
    registry, stale_now = source_registry(con), stale_sources(con)
    for module in section_modules():
        missing = _missing_tables(con, module)
        if missing:
            skipped.append(f"{module.__name__.rsplit('.', 1)[-1]} (missing {', '.join(missing)})")
            continue
        section = module.build(con)
        fed_by = _section_sources(module, registry)
        # a badge on each chart of a stale source's section, naming the date its data runs to
        stale = sorted(label for source, label in stale_now.items() if source in fed_by)
        for chart in section.charts:
            chart.stale_sources = sorted(set(chart.stale_sources) | set(stale))
        _source_terms(section, fed_by, url_sources, registry)
        sections.append(section)
    return sections, skipped


def _section_sources(module, registry: dict[str, SourceRow]) -> tuple[str, ...]:
    """The sources a section's charts are fed by: its optional SOURCES tuple, or else every source
    of the family its OUT_TABLES are named after (out_leaderboard_... -> leaderboards)."""
    if hasattr(module, "SOURCES"):
        return tuple(module.SOURCES)
    stems = {
        t.rpartition(".")[2].removeprefix("out_").removeprefix("fct_").split("_")[0]
        for t in getattr(module, "OUT_TABLES", ())
    }
    return tuple(
        name
        for name, source in registry.items()
        if any(stem and source.family.rstrip("s") == stem.rstrip("s") for stem in stems)
    )


def _newest_day(charts) -> str | None:
    # only day-precision dates compete for an as-of (a chart may be as of a quarter, e.g. 2026-Q2)
    return max((c.as_of[:10] for c in charts if c.as_of and re.match(r"^\d{4}-\d{2}-\d{2}", c.as_of)), default=None)


def page_file(section: Section) -> str:
    return f"{section.anchor}.html"


def _nav_label(section: Section) -> str:
    return section.heading.split(":")[0]


def build_site(con: duckdb.DuckDBPyConnection, site_dir: Path) -> dict:
    # DuckDB writes the full-data CSVs on a second connection while this thread draws the charts
    # (plotly is pure Python; a COPY releases the GIL): the site costs its slower half, not the sum
    full_section, full_tables = full_data_section(con)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="full-data") as pool:
        copying = pool.submit(_write_full_tables, con.cursor(), full_tables, Path(site_dir) / "data")
        return _build_pages(con, site_dir, full_section, copying)  # waits for the copies before it returns


def _write_full_tables(cursor: duckdb.DuckDBPyConnection, tables: list, data_dir: Path) -> list[Path]:
    try:
        return [t.write(cursor, data_dir) for t in tables]
    finally:
        cursor.close()


def _build_pages(con: duckdb.DuckDBPyConnection, site_dir: Path, full_section: Section, copying: Future) -> dict:
    names = Names(con)
    sections, skipped = build_sections(con)
    charts = [c for s in sections for c in s.charts]
    as_of = _newest_day(charts)
    where = {s.anchor: page_file(s) for s in sections}
    where.update({c.slug: page_file(s) for s in sections for c in s.charts})
    headlines = build_headlines(con, set(where), names)
    for h in headlines:
        h.links = [
            (label, f"{where.get(href[1:], '')}{href}" if href.startswith("#") else href) for label, href in h.links
        ]
    changes, change_rows = changes_section(con)
    note = (
        f'<p class="meta">Sections left out (their tables are not in this warehouse): {", ".join(skipped)}</p>\n'
        if skipped
        else ""
    )
    dated = "" if as_of else " No dated data in this warehouse yet."
    through = data_through_html(con)
    overview = Section(
        "overview",
        "The race in numbers",
        "Each number below is computed from the warehouse on this refresh; follow its links to the "
        "chart and to the rows (CSV, with source URLs) it comes from.",
        html_blocks=[overview_html(headlines), note],
    )
    questions = Section(
        "questions",
        "The questions, one page each",
        html_blocks=[pages_html([(page_file(s), s.heading, s.intro, len(s.charts)) for s in sections])],
    )
    pages = [
        Page(
            "index.html",
            "The China vs U.S. AI video-generation race",
            f"Real data only, every value traceable to its source.{dated}",
            [overview, questions, changes, full_section],
            "Overview",
        )
    ]
    for section in sections:
        pages.append(
            Page(
                page_file(section),
                section.heading,
                "Real data only, each value linked to its source.",
                [section],
                _nav_label(section),
                filters=any(c.max_gap_days is not None for c in section.charts),
            )
        )
    pages.append(
        Page(
            "methodology.html",
            "Methodology, glossary and sources",
            "How every number is made, what the terms mean, where the data comes from and what to keep in mind.",
            methodology_sections(con),
            "Methodology",
        )
    )
    nav = [(p.nav_label, p.file) for p in pages] + [("What changed", "index.html#changes"), ("Atom feed", FEED_NAME)]
    html = {p.file: render_page(p, nav, names, as_of or "", through) for p in pages}
    html[FEED_NAME] = atom_feed(change_rows, TITLE)
    tables = {h.csv_name: h.rows for h in headlines}
    if change_rows is not None:
        tables["changes.csv"] = change_rows
    written = write_site(site_dir, html, charts, tables, keep=copying.result())
    return {
        "charts": len(charts),
        "headlines": len(headlines),
        "sections": len(sections),
        "pages": len(pages),
        "sections_skipped": "; ".join(skipped) or "none",
        "files": len(written),
        "as_of": as_of or "none",
    }
