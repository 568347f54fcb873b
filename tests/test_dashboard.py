"""The dashboard file: one plotly.js, the expected findings as titles, sources and as-of under each
chart, CSV downloads, and scraped text escaped."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboards.chart import Chart
from dashboards.site import Section, render_page


def test_site_has_one_plotlyjs_and_expected_titles(replay_warehouse):
    html = (replay_warehouse / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count("plotly.js v") == 1 or html.count("* plotly.js") == 1
    assert html.count("<script type=\"text/javascript\">") == 1
    assert "arena.ai text-to-video: China holds the larger share of the top 10 on 2026-10-10 (CN 50% vs US 40%)" in html
    assert "arena.ai image-to-video: " in html
    assert html.count("Data as of ") >= 6
    assert html.count("Sources: ") >= 6
    assert "arena-ai-leaderboards" in html and "(all listed in the CSV)" in html
    csv = (replay_warehouse / "site" / "data" / "share-top10-text-to-video.csv").read_text(encoding="utf-8")
    assert ("https://raw.githubusercontent.com/oolong-tea-2026/arena-ai-leaderboards/"
            "a2694df6580d2d4d61df7d1d23fd5cb83b13a143/data/2026-04-19/text-to-video.json") in csv  # where the bytes were read


def test_scraped_text_is_escaped():
    evil = '<script>alert("x")</script>'
    fig = go.Figure(go.Scatter(x=[1], y=[1], text=[evil]))
    chart = Chart(slug="t", title=f"best model {evil}", figure=fig, data=pl.DataFrame({"m": [evil]}),
                  sources=[f"https://example.org/{evil}", "javascript:alert(1)"], as_of=evil)
    page = render_page("t", "s", [Section("a", "h", charts=[chart])], [])
    body = page.split("</head>", 1)[1]
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert 'href="javascript:' not in body


def test_site_build_is_deterministic(replay_warehouse, tmp_path):
    import duckdb

    from dashboards.build import build_site

    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        build_site(con, tmp_path / "a")
        build_site(con, tmp_path / "b")
    finally:
        con.close()
    assert (tmp_path / "a" / "index.html").read_bytes() == (tmp_path / "b" / "index.html").read_bytes()
