"""The built site in headless Chromium: no console or page errors, every chart rendered a Plotly
graph with data, and screenshots (tests/artifacts/, git-ignored) for a person to look at."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium absent (CI installs it: apt-get install chromium)"),
]

RENDERED = """() => [...document.querySelectorAll('.plot')].map(div => ({
    id: div.id,
    svg: div.querySelectorAll('.main-svg').length,
    traces: (div.data || []).length,
    marks: div.querySelectorAll('.scatterlayer .trace path.js-line, .scatterlayer .point, .barlayer .point, '
                                + '.trace.bars path, .pielayer .slice').length,
}))"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def site_url(replay_warehouse):
    handler = functools.partial(_QuietHandler, directory=str(replay_warehouse / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
    page.goto(url, wait_until="load")
    return page, errors


def test_index_renders_every_chart(browser, site_url, replay_warehouse):
    html = (replay_warehouse / "site" / "index.html").read_text(encoding="utf-8")
    expected = len(re.findall(r'<div class="plot" ', html))
    page, errors = _open(browser, f"{site_url}/index.html")
    try:
        page.wait_for_function(f"document.querySelectorAll('.plot .main-svg').length >= {expected}", timeout=30000)
        charts = page.evaluate(RENDERED)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(ARTIFACTS / "index-top.png"))
    finally:
        page.close()
    assert errors == []
    assert expected >= 6 and len(charts) == expected
    for chart in charts:
        assert chart["svg"] >= 1 and chart["traces"] >= 1 and chart["marks"] >= 1, chart
    assert page.url.endswith("/index.html")


def test_index_overview_and_changes_visible(browser, site_url):
    page, errors = _open(browser, f"{site_url}/index.html")
    try:
        card = page.locator("#headline-arena-text-to-video")
        assert "gemini-omni-1.1-flash" in card.inner_text()
        assert page.locator("#changes").is_visible()
        with page.expect_download() as download:
            card.locator("a", has_text="rows (CSV)").click()
        assert download.value.suggested_filename == "overview-arena-text-to-video.csv"
    finally:
        page.close()
    assert errors == []


def test_methodology_page(browser, site_url):
    page, errors = _open(browser, f"{site_url}/methodology.html")
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "methodology.png"), full_page=True)
        text = page.inner_text("main")
        plots = page.evaluate("document.querySelectorAll('.plot').length")
    finally:
        page.close()
    assert errors == []
    assert plots == 0 and "Country policy" in text and "Caveats" in text and "arena.ai video boards" in text
