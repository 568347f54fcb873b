"""The site: an overview whose numbers come from the warehouse and link to their chart and rows,
a methodology page, a what-changed section, byte-identical rebuilds, and any subset of sections."""

from __future__ import annotations

import re
import types

import duckdb
import polars as pl

import dashboards.build as build
from pipelines.sources import SOURCES


def _page(replay_warehouse, name="index.html") -> str:
    return (replay_warehouse / "site" / name).read_text(encoding="utf-8")


def test_overview_shows_the_current_leader_with_its_rows(replay_warehouse):
    html = _page(replay_warehouse)
    card = re.search(r'<div class="card" id="headline-arena-text-to-video".*?</div></div>', html, re.S).group(0)
    assert "gemini-omni-flash" in card and "United States, score 1512 on 2026-08-22" in card
    assert 'href="#best-score-text-to-video"' in card and 'href="data/overview-arena-text-to-video.csv"' in card
    rows = pl.read_csv(replay_warehouse / "site" / "data" / "overview-arena-text-to-video.csv")
    first = rows.row(0, named=True)
    assert (first["model"], first["score"], first["country_code"], first["snapshot_date"]) == (
        "gemini-omni-flash", 1512, "US", "2026-08-22")
    assert rows.height == 10 and rows["source_url"].null_count() == 0
    edit = re.search(r'id="headline-arena-video-edit".*?</div></div>', html, re.S).group(0)
    assert "dreamina-seedance-2.5-720p" in edit and "China" in edit


def test_every_overview_link_resolves(replay_warehouse):
    html = _page(replay_warehouse)
    overview = html.split('<h2 id="overview">', 1)[1].split("<h2 ", 1)[0]
    ids = set(re.findall(r'id="([^"]+)"', html))
    anchors = re.findall(r'href="#([^"]+)"', overview)
    assert anchors and all(a in ids for a in anchors)
    csvs = re.findall(r'href="(data/[^"]+\.csv)"', html)
    assert csvs and all((replay_warehouse / "site" / c).exists() for c in csvs)
    nav = html.split("<nav>", 1)[1].split("</nav>", 1)[0]
    assert 'href="methodology.html"' in nav and 'href="changes.atom"' in nav and 'href="#changes"' in nav


def test_what_changed_section(replay_warehouse):
    html = _page(replay_warehouse)
    section = html.split('<h2 id="changes">', 1)[1]
    assert "What changed since the previous refresh" in section and "first refresh of this warehouse" in section
    assert "wan3.0-video-prime" in section  # the newest release event (first listed 2026-11-20) comes first
    changes = pl.read_csv(replay_warehouse / "site" / "data" / "changes.csv")
    assert changes.filter(pl.col("kind") == "new_leader").height >= 10


def test_methodology_page(replay_warehouse):
    html = _page(replay_warehouse, "methodology.html")
    assert "plotly.js" not in html and "Plotly.newPlot" not in html  # no charts, no plotly.js
    for text in ("Country policy", "vendor HQ (Beijing)", "720p without audio", "1080p with audio",
                 "[-1, +1]", "[0, +5]", "Next-session rule", "reader service and an LLM", "Elo scale",
                 "float32-noisy", "listed on OpenRouter"):
        assert text in html, text
    for source in SOURCES.values():
        assert source.title.replace("'", "&#x27;") in html
    assert html.count("<tr>") > len(SOURCES) + 15  # every source and every lab


def test_rebuild_is_byte_identical(replay_warehouse, tmp_path):
    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        build.build_site(con, tmp_path / "a")
        build.build_site(con, tmp_path / "b")
    finally:
        con.close()
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) >= 10
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_site_builds_with_any_subset_of_sections(replay_warehouse, tmp_path, monkeypatch):
    absent = types.SimpleNamespace(__name__="dashboards.sections.q9_absent", ORDER=90, OUT_TABLES=("out.out_nowhere",),
                                   build=lambda con: (_ for _ in ()).throw(AssertionError("must not be built")))
    monkeypatch.setattr(build, "section_modules", lambda: [absent])
    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        result = build.build_site(con, tmp_path)
    finally:
        con.close()
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert result["charts"] == 0 and "q9_absent (missing out.out_nowhere)" in html
    assert "Plotly.newPlot" not in html and "gemini-omni-flash" in html  # headlines still come from the marts
    assert not (tmp_path / "data" / "share-top10-text-to-video.csv").exists()


def test_overview_price_headline_uses_the_strictest_comparison_with_both_countries(replay_warehouse):
    # No reference spec has offers from both countries in the curated prices; 720p (any audio) does:
    # China median $0.052/s (3 offers) vs U.S. $0.400/s (3 offers).
    html = (replay_warehouse / "site" / "index.html").read_text(encoding="utf-8")
    assert "Median price per second of video, 720p (audio with, without or not stated)" in html
    assert "China $0.052 vs U.S. $0.400" in html
    rows = (replay_warehouse / "site" / "data" / "overview-price-ratio.csv").read_text(encoding="utf-8")
    assert "720p_any_audio" in rows and "https://" in rows
