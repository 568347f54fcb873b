"""Build the published site from the out_ tables of the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .sections import section_modules
from .site import render_page, write_site

TITLE = "videorace — the China vs U.S. AI video-generation race"


def build_site(con: duckdb.DuckDBPyConnection, site_dir: Path) -> dict:
    sections = [module.build(con) for module in section_modules()]
    charts = [c for s in sections for c in s.charts]
    as_of = max((c.as_of for c in charts if c.as_of and c.as_of != "None"), default="unknown")
    nav = [(s.heading.split(":")[0], f"#{s.anchor}") for s in sections]
    page = render_page(TITLE, f"Real data only, every value traceable to its source. Data as of {as_of}.",
                       sections, nav)
    written = write_site(site_dir, {"index.html": page}, charts)
    return {"charts": len(charts), "files": len(written), "as_of": as_of}
