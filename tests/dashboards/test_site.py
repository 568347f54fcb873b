"""The site: an overview whose numbers come from the warehouse and link to their chart and rows,
one page per question and a methodology page sharing one plotly.js, byte-identical rebuilds, any
subset of sections, honest lines, display names, and CSVs a spreadsheet cannot run."""

from __future__ import annotations

import json
import re
import types
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import polars as pl

import dashboards.build as build
from dashboards.gaps import longest_drawn_step
from pipelines.sources import SOURCES

QUESTION_PAGES = (
    "quality.html",
    "price.html",
    "cadence.html",
    "openness.html",
    "patents.html",
    "markets.html",
    "claims.html",
)


def _page(replay_warehouse, name="index.html") -> str:
    return (replay_warehouse / "site" / name).read_text(encoding="utf-8")


def _figures(html: str) -> dict[str, dict]:
    return {
        slug: json.loads(body)
        for slug, body in re.findall(
            r'<script type="application/json" class="figure" id="fig-([^"]+)">(.*?)</script>', html, re.S
        )
    }


def test_overview_shows_the_current_leader_with_its_rows(replay_warehouse):
    html = _page(replay_warehouse)
    card = re.search(r'<div class="card" id="headline-arena-text-to-video".*?</div></div>', html, re.S).group(0)
    assert "Gemini Omni" in card and "gemini-omni-1.1-flash" not in card
    assert "United States, score 1516 on 2026-10-10" in card
    assert (
        'href="quality.html#best-score-text-to-video"' in card
        and 'href="data/overview-arena-text-to-video.csv"' in card
    )
    rows = pl.read_csv(replay_warehouse / "site" / "data" / "overview-arena-text-to-video.csv")
    first = rows.row(0, named=True)
    assert (first["model"], first["score"], first["country_code"], first["snapshot_date"]) == (
        "gemini-omni-1.1-flash",
        1516,
        "US",
        "2026-10-10",
    )  # the id stays in the CSV
    assert rows.height == 10 and rows["source_url"].null_count() == 0
    edit = re.search(r'id="headline-arena-video-edit".*?</div></div>', html, re.S).group(0)
    assert "Wan 3.0" in edit and "wan3.0" not in edit and "China, score 1414 on 2026-10-10" in edit


def test_pages_share_one_plotlyjs_and_stay_small(replay_warehouse):
    site = replay_warehouse / "site"
    assert sorted(p.name for p in site.glob("*.html")) == sorted(("index.html", "methodology.html", *QUESTION_PAGES))
    assert (site / "plotly-basic.min.js").stat().st_size > 1_000_000
    for name in ("index.html", "methodology.html", *QUESTION_PAGES):
        html = _page(replay_warehouse, name)
        assert len(html.encode()) <= 1_500_000, name
        assert "plotly.js v" not in html and '"template"' not in html, name  # referenced, not inlined
        assert '<link rel="stylesheet" href="site.css">' in html
        nav = html.split("<nav", 1)[1].split("</nav>", 1)[0]
        assert all(f'href="{p}"' in nav for p in QUESTION_PAGES) and 'href="methodology.html"' in nav
    quality = _page(replay_warehouse, "quality.html")
    assert quality.count('<script src="plotly-basic.min.js"></script>') == 1 and quality.count("<script src=") == 3
    assert "Plotly.newPlot" not in quality  # one template in site.js, not one copy per chart


def test_every_link_and_csv_resolves(replay_warehouse):
    site = replay_warehouse / "site"
    ids = {p.name: set(re.findall(r'id="([^"]+)"', p.read_text(encoding="utf-8"))) for p in site.glob("*.html")}
    checked = 0
    for name in ids:
        for href in re.findall(r'href="([^"]+)"', _page(replay_warehouse, name)):
            if href.startswith(("http://", "https://", "data:")):
                continue
            target, _, anchor = href.partition("#")
            target = target or name
            assert (site / target).exists(), (name, href)
            if anchor:
                assert anchor in ids[target], (name, href)
            checked += 1
    assert checked > 200
    table = pl.read_csv(site / "data" / "tables" / "marts.fct_leaderboard_entries.csv", infer_schema_length=0)
    assert table.height == 3692  # 45 arena days, 2026-03-19 → 10-10


def test_no_drawn_line_spans_a_gap(replay_warehouse):
    html = _page(replay_warehouse, "quality.html")
    gaps = dict(re.findall(r'<section class="chart" id="([^"]+)"[^>]*data-max-gap-days="([\d.]+)"', html))
    figures = _figures(html)
    assert len(gaps) >= 12
    for slug, limit in gaps.items():
        for trace in figures[slug]["data"]:
            if "lines" in (trace.get("mode") or "") or trace.get("fill") == "toself":
                assert longest_drawn_step(trace["x"]) <= float(limit), (slug, trace.get("name"))
    # the U.S. best-score line breaks between 2026-05-31 (1370) and 2026-06-29 (1527) instead of crossing China's
    us = next(t for t in figures["best-score-text-to-video"]["data"] if t.get("name") == "best United States model")
    at = us["x"].index("2026-05-31")
    assert us["x"][at + 1] is None and us["x"][at + 2] == "2026-06-29" and us["y"][at + 2] == 1527


def test_words_for_readers(replay_warehouse):
    markets = _page(replay_warehouse, "markets.html")
    text = re.sub(r"<script.*?</script>", "", markets, flags=re.S)
    assert "wan_2_1 ·" not in markets and "project_genie ·" not in markets
    labels = [x for t in _figures(markets)["q6-launch-abnormal-returns"]["data"] for x in t["x"]]
    assert "Wan 2.1 · Alibaba Group" in labels and "Unity Software (U) fell furthest" in text
    assert 'href="methodology.html#term-t-statistic"' in markets and "★" in text
    for name in ("index.html", "methodology.html", *QUESTION_PAGES):
        body = re.sub(r"<script.*?</script>", "", _page(replay_warehouse, name), flags=re.S)
        assert "`" not in body and "videorace refresh" not in body and " 1 gaps" not in body, name
        assert "&amp;quot;" not in body and "&amp;#x27;" not in body, name  # escaped once
    index = _page(replay_warehouse)
    assert "Project Genie (Genie 3 prototype) Project Genie" not in index
    cadence = _page(replay_warehouse, "cadence.html")
    assert "Kuaishou (Kling)" in cadence and "1 interval" in cadence
    methodology = _page(replay_warehouse, "methodology.html")
    for term in ("arena-score", "ci", "reference-spec", "abnormal-return", "t-statistic"):
        assert f'id="term-{term}"' in methodology
    claims = _page(replay_warehouse, "claims.html")
    ledger = claims.split('id="claims-ledger"', 1)[1].split("</section>", 1)[0]
    assert re.search(r">https?://", ledger) is None  # evidence as short names, URLs only in href/title and CSV


def test_charts_that_say_something(replay_warehouse):
    aa = _figures(_page(replay_warehouse, "quality.html"))["aa-ci-lead"]
    assert {t["type"] for t in aa["data"]} == {"scatter"} and all("error_y" in t for t in aa["data"])
    price = _page(replay_warehouse, "price.html")
    assert 'id="price-720p-no-audio"' not in price and 'id="price-1080p-audio"' not in price
    assert "only China has a price" in price and "only United States has a price" in price
    openness = _page(replay_warehouse, "openness.html")
    assert "open models reached the top 10 on 6 of 44 days" in openness  # several days: a chart
    for name in QUESTION_PAGES:
        assert "Data as of unknown" not in _page(replay_warehouse, name) and "as of unknown" not in _page(
            replay_warehouse, name
        )


def test_every_chart_offers_table_csv_permalink_and_citation(replay_warehouse):
    html = _page(replay_warehouse, "quality.html")
    sections = re.findall(r'<section class="chart" id="([^"]+)".*?</section>', html, re.S)
    assert len(sections) == 13  # per board: share, best score, lead (with #1), days behind; and AA
    for slug in sections:
        block = html.split(f'<section class="chart" id="{slug}"', 1)[1].split("</section>", 1)[0]
        assert f'href="#{slug}"' in block and f'href="data/{slug}.csv" download>Download CSV' in block
        assert "Cite this chart: videorace" in block and "CC BY 4.0" in block
        assert 'class="view-toggle"' in block and 'class="data sortable"' in block and 'role="img"' in block
    assert "MIT (mirror" in html  # the source's own terms named in the citation


def test_csv_cells_are_neutralised(replay_warehouse):
    from dashboards.chart import neutralise_csv

    frame = neutralise_csv(pl.DataFrame({"t": ["=HYPERLINK(1)", "+1", "-x", "@a", "ok"], "n": [-1.5, 2, 3, 4, 5]}))
    assert frame["t"].to_list() == ["'=HYPERLINK(1)", "'+1", "'-x", "'@a", "ok"] and frame["n"][0] == -1.5
    for path in (replay_warehouse / "site" / "data").rglob("*.csv"):
        rows = pl.read_csv(path, infer_schema_length=10000)
        for column, dtype in rows.schema.items():
            if dtype == pl.Utf8:
                assert not rows[column].drop_nulls().str.contains(r"^[=+@]|^-[^0-9]").any(), (path.name, column)


def test_what_changed_section(replay_warehouse):
    html = _page(replay_warehouse)
    section = html.split('<h2 id="changes">', 1)[1]
    assert "What changed since the previous refresh" in section and "first refresh of this warehouse" in section
    assert "wan3.0-video-prime" in section  # the newest release event (first listed 2026-11-20) comes first
    changes = pl.read_csv(replay_warehouse / "site" / "data" / "changes.csv")
    assert changes.filter(pl.col("kind") == "new_leader").height >= 10


def test_methodology_page(replay_warehouse):
    html = _page(replay_warehouse, "methodology.html")
    assert "plotly-basic.min.js" not in html  # no charts, no plotly.js
    for text in (
        "Country policy",
        "vendor HQ (Beijing)",
        "720p without audio",
        "1080p with audio",
        "[-1, +1]",
        "[0, +5]",
        "Next-session rule",
        "reader service and an LLM",
        "Elo scale",
        "float32-noisy",
        "listed on OpenRouter",
        "Glossary",
    ):
        assert text in html, text
    for source in SOURCES.values():
        assert source.title.replace("'", "&#x27;") in html
    assert html.count("<tr>") > len(SOURCES) + 15  # every source and every lab
    assert all(urlparse(u).scheme in ("https", "http") for u in re.findall(r'<a href="(http[^"]+)"', html))


def test_rebuild_is_byte_identical(replay_warehouse, tmp_path):
    """A rebuild from the warehouse equals, byte for byte, the site the session's refresh built from
    it (one build here instead of two: the refresh's own build is the first)."""
    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        build.build_site(con, tmp_path / "b")
    finally:
        con.close()
    first = replay_warehouse / "site"
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) >= 10
    # the three pages tests/dashboards/test_dashboard.py checked in its own two-build copy of this test
    assert {"index.html", "quality.html", "markets.html"} <= {str(rel) for rel in files_a}
    for rel in files_a:
        assert (first / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_site_builds_with_any_subset_of_sections(replay_warehouse, tmp_path, monkeypatch):
    absent = types.SimpleNamespace(
        __name__="dashboards.sections.q9_absent",
        ORDER=90,
        OUT_TABLES=("out.out_nowhere",),
        build=lambda con: (_ for _ in ()).throw(AssertionError("must not be built")),
    )
    monkeypatch.setattr(build, "section_modules", lambda: [absent])
    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        result = build.build_site(con, tmp_path)
    finally:
        con.close()
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert result["charts"] == 0 and "q9_absent (missing out.out_nowhere)" in html
    assert 'plotly-basic.min.js"></script>' not in html and "Gemini Omni" in html  # headlines still come from the marts
    assert not (tmp_path / "data" / "share-top10-text-to-video.csv").exists()
    assert sorted(p.name for p in Path(tmp_path).glob("*.html")) == ["index.html", "methodology.html"]


def test_overview_price_headline_uses_the_strictest_comparison_with_both_countries(replay_warehouse):
    # No reference spec has offers from both countries in the curated prices; 720p (any audio) does:
    # China median $0.052/s (3 offers) vs U.S. $0.400/s (3 offers).
    html = _page(replay_warehouse)
    assert "Median price per second of video, 720p (audio with, without or not stated)" in html
    assert "China $0.124 vs U.S. $0.140" in html
    rows = (replay_warehouse / "site" / "data" / "overview-price-ratio.csv").read_text(encoding="utf-8")
    assert "720p_any_audio" in rows and "https://" in rows


def test_many_offers_are_one_dot_each_and_number_one_folds_into_the_lead_chart(replay_warehouse):
    """244 offers at any resolution are dots on a log axis (a 7,000 px bar chart was slow and
    unreadable); who holds #1 is part of each board's lead chart, not a chart of its own."""
    price = _figures(_page(replay_warehouse, "price.html"))
    every = price["price-all-resolutions"]
    assert {t["type"] for t in every["data"]} == {"scatter"} and every["layout"]["xaxis"]["type"] == "log"
    assert sum(len(t["x"]) for t in every["data"]) == 244
    quality = _page(replay_warehouse, "quality.html")
    assert not [slug for slug in _figures(quality) if slug.startswith("number-one-")]
    assert "The #1 spot changed country 3 times; on 2026-10-10 #1 is MiniMax H3 (China, 1495)." in quality


def test_no_page_or_csv_depends_on_the_order_rows_are_stored_in(replay_warehouse, tmp_path):
    """Every row order on the site is a total order: with every marts and out table stored in another
    order (what a rebuild of the warehouse may do), the site is byte for byte the same."""
    from tests.support import copy_warehouse

    con = duckdb.connect(str(copy_warehouse(replay_warehouse, tmp_path)))
    try:
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name IN ('marts', 'out')"
        ).fetchall()
        for schema, table in tables:
            con.execute(f"CREATE TEMP TABLE stored AS SELECT * FROM {schema}.{table}")
            con.execute(f"DELETE FROM {schema}.{table}")
            con.execute(f"INSERT INTO {schema}.{table} SELECT * FROM stored ORDER BY ALL DESC")
            con.execute("DROP TABLE stored")
        build.build_site(con, tmp_path / "site")
    finally:
        con.close()
    first = replay_warehouse / "site"
    differ = [
        str(p.relative_to(first))
        for p in sorted(first.rglob("*"))
        if p.is_file() and p.read_bytes() != (tmp_path / "site" / p.relative_to(first)).read_bytes()
    ]
    assert len(tables) > 40
    assert differ == [], differ
