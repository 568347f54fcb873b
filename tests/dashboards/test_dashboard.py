"""The chart pieces: display names from the dimensions, honest line breaks, scraped text escaped
once for HTML and for Plotly, and a deterministic build."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboards.chart import Chart, plot_text
from dashboards.gaps import band, break_gaps, longest_drawn_step
from dashboards.names import model_display
from dashboards.site import Page, Section, render_page


def test_model_display_names_keep_the_variant():
    assert model_display("dreamina-seedance-2.0-720p", "Seedance 2.0") == "Seedance 2.0 (720p)"
    assert model_display("veo-3.1-fast-audio-1080p", "Veo 3.1 Fast") == "Veo 3.1 Fast (audio, 1080p)"
    assert model_display("gemini-omni-flash", "Gemini Omni") == "Gemini Omni"
    assert model_display("flux-3-video-20260811", "FLUX 3 Video") == "FLUX 3 Video (2026-08-11)"
    assert model_display("unknown-slug", None) == "unknown-slug"


def test_lines_break_past_the_cadence():
    x, y = break_gaps(["2026-05-30", "2026-05-31", "2026-06-29"], [1, 2, 3], max_gap=3)
    assert x == ["2026-05-30", "2026-05-31", None, "2026-06-29"] and y == [1, 2, None, 3]
    assert longest_drawn_step(x) == 1
    bx, by = band(["2026-05-30", "2026-05-31", "2026-06-29"], [0, 0, 0], [5, 6, 7], 3)
    assert bx == ["2026-05-30", "2026-05-31", "2026-05-31", "2026-05-30", None, "2026-06-29", "2026-06-29"]
    assert by[:4] == [5, 6, 0, 0] and longest_drawn_step(bx) == 1
    assert break_gaps([2020, 2021, 2023], [1, 2, 3], max_gap=1)[0] == [2020, 2021, None, 2023]


def test_scraped_text_is_escaped_once():
    evil = '<script>alert("x")</script>'
    assert plot_text('veo "3" & <b>') == 'veo "3" &amp; &lt;b&gt;'  # Plotly decodes these three only
    fig = go.Figure(go.Scatter(x=[1], y=[1], text=[plot_text(evil)]))
    chart = Chart(
        slug="t",
        title=f"best model {evil}",
        figure=fig,
        data=pl.DataFrame({"m": [evil]}),
        sources=[f"https://example.org/{evil}", "javascript:alert(1)"],
        as_of=evil,
    )
    page = render_page(Page("t.html", "t", "s", [Section("a", "h", charts=[chart])], "t"), [])
    body = page.split("</head>", 1)[1]
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert 'href="javascript:' not in body and "&amp;quot;" not in body


# The site's determinism (index, quality and markets pages among every file) is checked once, in
# tests/dashboards/test_site.py::test_rebuild_is_byte_identical: this file had a two-build copy of it.
