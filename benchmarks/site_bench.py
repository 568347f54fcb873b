"""Page weight and time until the charts are drawn, per page of the built site, in headless
Chromium on 127.0.0.1 (never the internet). Optionally screenshots every page at each width.

    python -m benchmarks.site_bench [SITE_DIR] [--repeat N] [--screenshots DIR]

`measure_site(site_dir)` returns one row per page and width, each load in a fresh browser context
(a first visit: nothing cached), the median of `repeat` loads: html_bytes (the page alone),
total_bytes (the page with every file it loads: plotly.js, template, script, stylesheet), charts,
ms_to_first_screen (navigation start until every chart in the first viewport is drawn),
ms_to_all_charts_drawn (navigation start until the last chart of the page is drawn: site.js draws
every chart at load, none waits to be scrolled to), main_thread_cpu_ms (CPU time of the page's main
thread until then, which the other work on a shared machine disturbs less than the wall clock) and
load (the machine's 1-minute load average, since the wall clock depends on it)."""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import sys
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


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # a page closed while a file was still on its way (a test moving on): not a failure
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site_dir: Path):
    """The site folder over HTTP on 127.0.0.1 (an ephemeral port)."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
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


def _load_once(browser, url: str, name: str, size: tuple[int, int]):
    """One first visit of a page: (context, page, the site's files it loaded, its timings)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    loaded: list[str] = []
    page.on("requestfinished", lambda req: loaded.append(req.url))
    page.goto(f"{url}/{name}", wait_until="load")
    charts = wait_drawn(page)
    marks = page.evaluate(
        "['data-first-screen-drawn-ms', 'data-charts-drawn-ms']"
        ".map(a => Number(document.documentElement.getAttribute(a) || 0))"
    )
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    files = {u.split("?")[0].removeprefix(url + "/") for u in loaded if u.startswith(url)}
    timings = {
        "charts": charts,
        "ms_to_first_screen": marks[0],
        "ms_to_all_charts_drawn": marks[1],
        "main_thread_cpu_ms": round(metrics.get("ThreadTime", 0) * 1000) if charts else 0,
        "load": round(os.getloadavg()[0], 1),
    }
    return context, page, files, timings


def measure_site(site_dir: Path, screenshots: Path | None = None, widths: dict = WIDTHS, repeat: int = 3) -> list[dict]:
    from playwright.sync_api import sync_playwright

    site_dir = Path(site_dir)
    rows = []
    with serve(site_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name in pages(site_dir):
                for width, height in widths.values():
                    runs = []
                    for run in range(max(1, repeat)):
                        context, page, files, timings = _load_once(browser, url, name, (width, height))
                        runs.append(timings)
                        if run == 0:
                            total = sum((site_dir / f).stat().st_size for f in files if (site_dir / f).is_file())
                            height_px = page.evaluate("document.documentElement.scrollHeight")
                            if screenshots is not None:
                                screenshots.mkdir(parents=True, exist_ok=True)
                                shot = screenshots / f"{name.removesuffix('.html')}-{width}.png"
                                page.screenshot(path=str(shot), full_page=True)
                        context.close()
                    row = {"page": name, "width": width, "html_bytes": (site_dir / name).stat().st_size}
                    row |= {"total_bytes": total, "charts": runs[0]["charts"], "runs": len(runs)}
                    for key in ("ms_to_first_screen", "ms_to_all_charts_drawn", "main_thread_cpu_ms", "load"):
                        row[key] = statistics.median(r[key] for r in runs)
                    rows.append(row | {"page_height_px": height_px})
        finally:
            browser.close()
    return rows


def markdown(rows: list[dict]) -> str:
    head = (
        "| page | width | HTML | with shared files | charts | first screen drawn | all charts drawn "
        "| main-thread CPU | load | height |\n|---|---|---|---|---|---|---|---|---|---|\n"
    )
    runs = max((r.get("runs", 1) for r in rows), default=1)
    note = f"\nTimes: the median of {runs} first visits each (fresh browser context, nothing cached).\n"
    return (
        head
        + "".join(
            f"| {r['page']} | {r['width']} px | {r['html_bytes'] / 1024:,.0f} KiB "
            f"| {r['total_bytes'] / 1048576:.2f} MiB | {r['charts']} | {r.get('ms_to_first_screen', 0):.0f} ms "
            f"| {r['ms_to_all_charts_drawn']:.0f} ms | {r.get('main_thread_cpu_ms', 0):.0f} ms "
            f"| {r.get('load', 0):.1f} | {r['page_height_px']:,} px |\n"
            for r in rows
        )
        + note
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "dashboards" / "site")
    parser.add_argument("--screenshots", type=Path, help="write a full-page PNG of every page at every width here")
    parser.add_argument("--repeat", type=int, default=3, help="first visits per page and width (median reported)")
    args = parser.parse_args()
    print(markdown(measure_site(args.site, args.screenshots, repeat=args.repeat)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
