"""The built site in headless Chromium at a desktop (1440 px) and a phone (390 px) width, served on
127.0.0.1: no console or page errors, no sideways scrolling, every chart drawn, every link and CSV
resolves, no drawn line across a gap, the chart/table toggle and the filters work. A screenshot of
each page's first screen at both widths goes to tests/artifacts/site/ (git-ignored) for a person;
`make screenshots` writes the full pages (a full-page capture of a 15,000-px phone page costs Chromium
~0.5-1.2 s of CPU, ~10 s per suite run, and asserts nothing)."""

from __future__ import annotations

import re
import urllib.request

import pytest

from benchmarks.site_bench import CHROMIUM, CHROMIUM_ARGS, serve, wait_drawn
from tests.support import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts" / "site"
PAGES = (
    "index.html",
    "quality.html",
    "price.html",
    "cadence.html",
    "openness.html",
    "patents.html",
    "markets.html",
    "claims.html",
    "methodology.html",
)
WIDTHS = {1440: 900, 390: 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium absent (CI installs it: apt-get install chromium)"
    ),
]

CHARTS = """() => [...document.querySelectorAll('section.chart .plot')].map(div => ({
    id: div.id, drawn: div.getAttribute('data-drawn'), svg: div.querySelectorAll('.main-svg').length,
    traces: (div.data || []).length,
    marks: div.querySelectorAll('.scatterlayer .trace path.js-line, .scatterlayer .point, .barlayer .point, '
                                + '.trace.bars path').length}))"""
# the widest step any drawn line (or CI band) takes, per time-series chart, from Plotly's own data
GAPS = """() => [...document.querySelectorAll('section.chart[data-max-gap-days]')].map(s => {
    const gd = s.querySelector('.plot'); let widest = 0;
    for (const t of gd.data || []) {
        if (!((t.mode || '').includes('lines') || t.fill === 'toself')) continue;
        let prev = null;
        for (const x of t.x || []) {
            if (x === null) { prev = null; continue; }
            const v = typeof x === 'number' ? x * 365.25 : Date.parse(x) / 86400000;
            if (prev !== null) widest = Math.max(widest, Math.abs(v - prev));
            prev = v;
        }
    }
    const limit = Number(s.dataset.maxGapDays);
    return {id: s.id, widest, limit: limit === 1 && (gd.data[0] || {}).x && typeof gd.data[0].x[0] === 'number' ? 366 : limit};
})"""


@pytest.fixture(scope="module")
def site_url(replay_warehouse):
    with serve(replay_warehouse / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": WIDTHS[width]})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
    page.goto(url, wait_until="load")
    return page, errors


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", PAGES)
def test_page_draws_fits_and_links(browser, site_url, replay_warehouse, name, width):
    html = (replay_warehouse / "site" / name).read_text(encoding="utf-8")
    expected = len(re.findall(r'<div class="plot" ', html))
    page, errors = _open(browser, f"{site_url}/{name}", width)
    try:
        wait_drawn(page)
        charts = page.evaluate(CHARTS)
        gaps = page.evaluate(GAPS)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        first, last = page.evaluate(
            "['data-first-screen-drawn-ms', 'data-charts-drawn-ms']"
            ".map(a => Number(document.documentElement.getAttribute(a)))"
        )
        hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name.removesuffix('.html')}-{width}-first-screen.png"))
    finally:
        page.close()
    assert errors == []
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
    assert len(charts) == expected and (expected > 0) == (name not in ("index.html", "methodology.html"))
    if expected:  # the first screen's charts are drawn first (benchmarks.site_bench reports both moments)
        assert 0 < first <= last
    for chart in charts:
        assert chart["drawn"] == "1" and chart["svg"] >= 1 and chart["traces"] >= 1 and chart["marks"] >= 1, chart
    for chart in gaps:
        assert chart["widest"] <= chart["limit"] + 1e-9, chart
    for href in {h.split("#")[0] for h in hrefs if not h.startswith(("http://", "https://", "#", "data:"))}:
        with urllib.request.urlopen(f"{site_url}/{href}") as response:  # 127.0.0.1 only
            assert response.status == 200, href


def test_toggle_shows_a_sortable_table(browser, site_url):
    page, errors = _open(browser, f"{site_url}/quality.html", 1440)
    try:
        wait_drawn(page)
        section = page.locator("#best-score-text-to-video")
        assert not section.locator(".table-view").is_visible()
        section.locator("button.view-toggle").click()
        assert section.locator(".table-view").is_visible() and not section.locator(".plot").is_visible()
        header = section.locator("th", has_text=re.compile(r"^best score$"))
        header.locator(".sort").click()
        header.locator(".sort").click()  # descending
        assert header.get_attribute("aria-sort") == "descending"
        top = section.locator("tbody tr").first.inner_text()
        section.locator("button.view-toggle").click()
        assert section.locator(".plot").is_visible()
    finally:
        page.close()
    assert errors == [] and "1527" in top and "Gemini Omni" in top


def test_country_filter_and_date_range(browser, site_url):
    page, errors = _open(browser, f"{site_url}/quality.html", 390)
    try:
        wait_drawn(page)
        page.locator("form.filters input[value=CN]").uncheck()
        visible = page.evaluate("""() => document.querySelector('#plot-best-score-text-to-video').data
                                         .map(t => [t.name, t.visible])""")
        page.locator("form.filters input[name=from]").fill("2026-06-01")
        page.locator("form.filters input[name=to]").fill("2026-08-31")
        page.locator("form.filters input[name=to]").dispatch_event("change")
        x_range = page.evaluate("document.querySelector('#plot-best-score-text-to-video').layout.xaxis.range")
        # the table is <noscript> text until first shown; shown after the filters, it follows them
        rows_before = page.locator("#best-score-text-to-video tbody tr").count()
        page.locator("#best-score-text-to-video button.view-toggle").click()
        hidden_rows = page.locator("#best-score-text-to-video tbody tr.filtered").count()
    finally:
        page.close()
    assert errors == []
    assert dict(visible)["best China model"] is False and dict(visible)["best United States model"] is True
    assert [str(v)[:10] for v in x_range] == ["2026-06-01", "2026-08-31"] and hidden_rows > 20
    assert rows_before == 0


def test_overview_card_downloads_its_rows(browser, site_url):
    page, errors = _open(browser, f"{site_url}/index.html", 390)
    try:
        card = page.locator("#headline-arena-text-to-video")
        assert "Gemini Omni" in card.inner_text()
        with page.expect_download() as download:
            card.locator("a", has_text="rows (CSV)").click()
        assert download.value.suggested_filename == "overview-arena-text-to-video.csv"
    finally:
        page.close()
    assert errors == []


def test_without_javascript_every_chart_is_a_visible_table(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": WIDTHS[390]})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/quality.html", wait_until="load")
        section = page.locator("#best-score-text-to-video")
        assert section.locator("table.data").is_visible()
        first = section.locator("tbody tr").first.inner_text()
        charts = page.locator("section.chart").count()
        tables = page.locator("section.chart table.data").count()
    finally:
        context.close()
    assert charts == tables > 10 and "2026-" in first
