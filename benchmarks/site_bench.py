"""Page weight and time until every chart is drawn, per page of the built site, in headless
Chromium on 127.0.0.1 (never the internet). Optionally screenshots every page at each width.

    python -m benchmarks.site_bench [SITE_DIR] [--screenshots DIR]

`measure_site(site_dir)` returns one row per page and width: html_bytes (the page alone),
total_bytes (the page with every file it loads: plotly.js, template, script, stylesheet),
charts and ms_to_all_charts_drawn (navigation start to the last chart's Plotly promise)."""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"desktop": (1440, 900), "phone": (390, 844)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site_dir: Path):
    """The site folder over HTTP on 127.0.0.1 (an ephemeral port)."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def pages(site_dir: Path) -> list[str]:
    return sorted(p.name for p in Path(site_dir).glob("*.html"))


def wait_drawn(page, timeout_ms: int = 30000) -> int:
    """Waits until site.js reports every chart drawn (or the page has none); its charts count."""
    charts = page.evaluate("document.querySelectorAll('section.chart .plot').length")
    if charts:
        page.wait_for_function("document.documentElement.hasAttribute('data-charts-drawn')", timeout=timeout_ms)
    return charts


def measure_site(site_dir: Path, screenshots: Path | None = None, widths: dict = WIDTHS) -> list[dict]:
    from playwright.sync_api import sync_playwright

    site_dir = Path(site_dir)
    rows = []
    with serve(site_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name in pages(site_dir):
                for width, height in widths.values():
                    context = browser.new_context(viewport={"width": width, "height": height})
                    page = context.new_page()
                    loaded: list[str] = []
                    page.on("requestfinished", lambda req, loaded=loaded: loaded.append(req.url))
                    page.goto(f"{url}/{name}", wait_until="load")
                    charts = wait_drawn(page)
                    drawn = page.evaluate("Number(document.documentElement.getAttribute('data-charts-drawn-ms') || 0)")
                    files = {u.split("?")[0].removeprefix(url + "/") for u in loaded if u.startswith(url)}
                    total = sum((site_dir / f).stat().st_size for f in files if (site_dir / f).is_file())
                    rows.append(
                        {
                            "page": name,
                            "width": width,
                            "html_bytes": (site_dir / name).stat().st_size,
                            "total_bytes": total,
                            "charts": charts,
                            "ms_to_all_charts_drawn": drawn,
                            "page_height_px": page.evaluate("document.documentElement.scrollHeight"),
                        }
                    )
                    if screenshots is not None:
                        screenshots.mkdir(parents=True, exist_ok=True)
                        page.screenshot(
                            path=str(screenshots / f"{name.removesuffix('.html')}-{width}.png"), full_page=True
                        )
                    context.close()
        finally:
            browser.close()
    return rows


def markdown(rows: list[dict]) -> str:
    head = (
        "| page | width | HTML | with shared files | charts | all charts drawn | height |\n"
        "|---|---|---|---|---|---|---|\n"
    )
    return head + "".join(
        f"| {r['page']} | {r['width']} px | {r['html_bytes'] / 1024:,.0f} KiB | {r['total_bytes'] / 1048576:.2f} MiB "
        f"| {r['charts']} | {r['ms_to_all_charts_drawn']} ms | {r['page_height_px']:,} px |\n"
        for r in rows
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "dashboards" / "site")
    parser.add_argument("--screenshots", type=Path, help="write a full-page PNG of every page at every width here")
    args = parser.parse_args()
    print(markdown(measure_site(args.site, args.screenshots)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
