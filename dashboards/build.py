"""Build the published site from the marts and out_ tables of the warehouse: index.html (overview,
one section per question, what changed), methodology.html, changes.atom and the CSVs behind every
chart and headline. Same warehouse, same bytes."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .changes import FEED_NAME, atom_feed, changes_section
from .methodology import methodology_sections
from .overview import build_headlines, overview_html
from .sections import section_modules
from .site import Section, render_page, write_site

TITLE = "videorace — the China vs U.S. AI video-generation race"


def _missing_tables(con: duckdb.DuckDBPyConnection, module) -> list[str]:
    """A section names the tables it reads in OUT_TABLES ("out_x" or "schema.table"); a section
    whose tables are not in this warehouse (e.g. its family was not built) is left out."""
    present = {(s, t) for s, t in con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables").fetchall()}
    names = {t for _, t in present}
    missing = []
    for table in getattr(module, "OUT_TABLES", ()):
        schema, _, name = table.rpartition(".")
        if (schema and (schema, name) not in present) or (not schema and name not in names):
            missing.append(table)
    return missing


def build_sections(con: duckdb.DuckDBPyConnection) -> tuple[list[Section], list[str]]:
    sections, skipped = [], []
    for module in section_modules():
        missing = _missing_tables(con, module)
        if missing:
            skipped.append(f"{module.__name__.rsplit('.', 1)[-1]} (missing {', '.join(missing)})")
            continue
        section = module.build(con)
        stale = _stale_sources(con, module)
        for chart in section.charts:
            chart.stale_sources = sorted(set(chart.stale_sources) | set(stale))
        sections.append(section)
    return sections, skipped


def _section_sources(module) -> tuple[str, ...]:
    """The sources a section's charts are fed by: its optional SOURCES tuple, or else every source
    of the family its OUT_TABLES are named after (out_leaderboard_... -> leaderboards)."""
    from pipelines.sources import SOURCES

    if hasattr(module, "SOURCES"):
        return tuple(module.SOURCES)
    stems = {t.rpartition(".")[2].removeprefix("out_").removeprefix("fct_").split("_")[0]
             for t in getattr(module, "OUT_TABLES", ())}
    return tuple(name for name, source in SOURCES.items()
                 if any(stem and source.family.rstrip("s") == stem.rstrip("s") for stem in stems))


def _stale_sources(con: duckdb.DuckDBPyConnection, module) -> list[str]:
    """Sources of this section that failed or are past their cadence (a badge on each chart)."""
    from pipelines.status import source_status
    from pipelines.warehouse import table_exists

    sources = _section_sources(module)
    if not sources or not (table_exists(con, "raw", "source_runs") and table_exists(con, "raw", "snapshots")):
        return []
    status = source_status(con)
    return sorted(status.filter(status["stale"] & status["source"].is_in(list(sources)))["source"].to_list())


def build_site(con: duckdb.DuckDBPyConnection, site_dir: Path) -> dict:
    sections, skipped = build_sections(con)
    charts = [c for s in sections for c in s.charts]
    # only day-precision dates compete for the site's as-of (a chart may be as of a quarter, e.g. 2026-Q2)
    as_of = max((c.as_of[:10] for c in charts if c.as_of and re.match(r"^\d{4}-\d{2}-\d{2}", c.as_of)),
                default="unknown")
    anchors = {s.anchor for s in sections} | {c.slug for c in charts}
    headlines = build_headlines(con, anchors)
    changes, change_rows = changes_section(con)
    note = (f'<p class="meta">Sections left out (their tables are not in this warehouse): {", ".join(skipped)}</p>\n'
            if skipped else "")
    overview = Section("overview", "Overview: the race in numbers",
                       "Each number below is computed from the warehouse on this refresh; follow its links to the "
                       "chart and to the rows (CSV, with source URLs) it comes from.",
                       html_blocks=[overview_html(headlines), note])
    page_sections = [overview, *sections, changes]
    nav = [(s.heading.split(":")[0], f"#{s.anchor}") for s in page_sections]
    nav[-1] = ("What changed", f"#{changes.anchor}")
    nav += [("Methodology", "methodology.html"), ("Atom feed", FEED_NAME)]
    subtitle = f"Real data only, every value traceable to its source. Data as of {as_of}."
    pages = {
        "index.html": render_page(TITLE, subtitle, page_sections, nav),
        "methodology.html": render_page(f"{TITLE}: methodology", "How every number is made, where it comes from, "
                                        "and what to keep in mind.", methodology_sections(con),
                                        [("Dashboard", "index.html"), ("What changed", "index.html#changes"),
                                         ("Atom feed", FEED_NAME)]),
        FEED_NAME: atom_feed(change_rows, TITLE),
    }
    tables = {h.csv_name: h.rows for h in headlines}
    if change_rows is not None:
        tables["changes.csv"] = change_rows
    written = write_site(site_dir, pages, charts, tables)
    return {"charts": len(charts), "headlines": len(headlines), "sections": len(sections),
            "sections_skipped": "; ".join(skipped) or "none", "files": len(written), "as_of": as_of}
