"""The dashboard under operational stress: a stale source puts a badge on every chart it feeds,
and a `<script>` in a scraped model name shows as text in a real browser (no dialog fires)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from dashboards.build import _section_sources, build_sections, build_site
from dashboards.chart import esc
from dashboards.chart_html import STALE_TITLE
from dashboards.sections import q1_quality
from dashboards.sources import source_registry, stale_sources
from pipelines.loading import load_source
from pipelines.warehouse import build_model
from videorace_scrapers.snapshots import SnapshotStore

CHROMIUM = Path("/usr/bin/chromium")
SCRIPT_NAME = '<script>alert("xss")</script>'
QUOTED_NAME = "veo \"3\" 'fast' & <b>bold</b>"


def test_arena_charts_are_fed_by_the_arena_source(replay_warehouse):
    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    try:
        registry = source_registry(con)  # marts.dim_sources: the site reads the registry from the warehouse
    finally:
        con.close()
    assert _section_sources(q1_quality, registry) == ("arena", "aa_arena", "lmarena_dataset")  # leaderboards feed Q1


def test_stale_source_puts_a_badge_on_its_charts(good_warehouse):
    """Stale = the last refresh failed, or the data is older than its cadence allows (its own
    newest date, not its load time): on the day after arena's newest board (2026-10-10) arena is
    fresh until a refresh fails; on the real run day every replayed board is months old."""
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"))
    day_after = datetime(2026, 10, 11, 12, tzinfo=UTC)
    try:
        assert "arena" not in stale_sources(con, now=day_after)
        con.execute("""INSERT INTO raw.source_runs VALUES (now(), 'ops-test', 'arena', 'live', 'failed', NULL, NULL,
                       NULL, 1, 'arena: live fetch returned no usable response (synthetic test failure)')""")
        assert stale_sources(con, now=day_after)["arena"] == "arena (data to 2026-10-10)"
        build_site(con, good_warehouse / "stale")
        sections, _ = build_sections(con)
    finally:
        con.close()
    stale = (good_warehouse / "stale" / "quality.html").read_text(encoding="utf-8")
    badge = f'<span class="badge" title="{STALE_TITLE}">stale: arena (data to 2026-10-10)</span>'
    quality = next(s for s in sections if s.anchor == "quality")
    assert len(quality.charts) >= 6 and all("arena (data to 2026-10-10)" in c.stale_sources for c in quality.charts)
    patents = next(s for s in sections if s.anchor == "patents")
    assert all(not any(x.startswith("arena") for x in c.stale_sources) for c in patents.charts)
    assert stale.count(badge) == len(quality.charts)
    assert f"{esc(quality.charts[0].title)}" in stale and badge in stale


def _synthetic_board(tmp: Path) -> list:
    """A test-only arena board (synthetic) whose China leader has a <script> name, dated after the
    real data so that it becomes the newest point and appears in the chart titles."""
    doc = {
        "meta": {"leaderboard": "text-to-video", "fetched_at": "2026-11-01T00:00:00+00:00"},
        "models": [
            {"rank": 1, "model": SCRIPT_NAME, "vendor": "Kuaishou", "score": 1600, "ci": 5, "votes": 100},
            {"rank": 2, "model": QUOTED_NAME, "vendor": "Google", "score": 1590, "ci": 5, "votes": 100},
        ],
    }
    body = json.dumps(doc).encode()
    return [
        SnapshotStore(tmp / "snapshots").put(
            "arena",
            "http://127.0.0.1/synthetic/text-to-video.json",
            body,
            mode="live",
            fetched_at="2026-11-01T00:00:00+00:00",
        )
    ]


@pytest.fixture
def hostile_site(good_warehouse) -> Path:
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"))
    try:
        load_source(con, "arena", "raw_leaderboards__arena", _synthetic_board(good_warehouse))
        for layer, name in (
            ("int", "int_leaderboard_entries"),
            ("marts", "fct_leaderboard_entries"),
            ("out", "out_quality_country_daily"),
            ("out", "out_leaderboard_country_daily"),
        ):
            build_model(con, layer, name)
        build_site(con, good_warehouse / "site")
    finally:
        con.close()
    return good_warehouse / "site" / "quality.html"


def test_script_in_a_model_name_is_escaped_in_the_html(hostile_site):
    html = hostile_site.read_text(encoding="utf-8")
    body = html.split("</head>", 1)[1]
    assert SCRIPT_NAME not in body and "<b>bold</b>" not in body
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in body


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium absent (CI installs it via .ci/run)")
def test_script_in_a_model_name_shows_as_text_in_chromium(hostile_site):
    from playwright.sync_api import sync_playwright

    dialogs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(hostile_site.as_uri(), wait_until="load")
            page.wait_for_timeout(500)
            title = page.locator("#best-score-text-to-video h3")
            title_text = title.inner_text()
            visible = title.is_visible()
            injected = page.evaluate("document.querySelectorAll('main script, header script').length")
            bold = page.evaluate("Array.from(document.querySelectorAll('main b')).map(b => b.textContent)")
        finally:
            browser.close()
    assert dialogs == []
    assert visible and SCRIPT_NAME in title_text and "1600" in title_text
    assert injected == 0 and "bold" not in bold
