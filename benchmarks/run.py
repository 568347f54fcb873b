"""`make bench`: cold and unchanged replay refreshes, wall time and peak memory, median of N runs,
written to benchmarks/RESULTS.md. Targets are measured here, never asserted in timed tests."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
VIDEORACE = [sys.executable, "-m", "pipelines.cli"]


def _env(work: Path, recordings: Path | None = None) -> dict[str, str]:
    home = work / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {
        **os.environ,
        "VIDEORACE_MODE": "replay",
        "VIDEORACE_WAREHOUSE": str(work / "videorace.duckdb"),
        "VIDEORACE_SITE_DIR": str(work / "site"),
        "VIDEORACE_SNAPSHOT_DIR": str(work / "snapshots"),
        "DAGSTER_HOME": str(home),
    }
    if recordings is not None:
        env["VIDEORACE_RECORDINGS_DIR"] = str(recordings)
    return env


def timed_floor(recordings: Path) -> float:
    """The bare script (benchmarks/floor.py) in its own process, imports included, like a refresh."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "benchmarks.floor", str(recordings)], cwd=ROOT, check=True, capture_output=True
    )
    return time.monotonic() - started


def timed_dagster_floor(work: Path) -> tuple[float, str]:
    """benchmarks/dagster_floor.py in its own process: Dagster alone on this job's graph, and what
    the run held (assets, checks, steps)."""
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.dagster_floor"],
        cwd=ROOT,
        env=_env(work),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return time.monotonic() - started, f"{out[1]} assets, {out[2]} checks, {out[3]} steps"


def timed_refresh(work: Path, *extra: str, recordings: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `videorace refresh` process."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [*VIDEORACE, "refresh", "--quiet", *extra],
        cwd=ROOT,
        env=_env(work, recordings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"refresh failed in {work}: {proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def reparsed_snapshots(work: Path) -> int:
    con = duckdb.connect(str(work / "videorace.duckdb"), read_only=True)
    try:
        rows = con.execute("""SELECT coalesce(sum(snapshots_new), 0) FROM raw.source_runs
                              WHERE run_id = (SELECT run_id FROM raw.source_runs
                                              ORDER BY run_started_at DESC LIMIT 1)""").fetchall()
        return int(rows[0][0])
    finally:
        con.close()


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    mem_kb = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
        f"{mem_kb / 1048576:.0f} GiB RAM, Python {platform.python_version()}, commit {commit or 'uncommitted'}"
    )


def _site_rows(site: Path) -> list[dict] | str:
    """Per page and width (issue 12.2), or why it could not be measured (no Chromium here)."""
    from .site_bench import measure_site

    try:
        return measure_site(site)
    except Exception as exc:  # noqa: BLE001 — a missing browser must not lose the refresh figures
        return f"not measured: {type(exc).__name__}: {exc}".splitlines()[0]


def _site_lines(rows: list[dict] | str) -> list[str]:
    from .site_bench import markdown

    if isinstance(rows, str):
        return ["## Site pages", "", rows, ""]
    page = max(r["html_bytes"] for r in rows) / 1048576
    heaviest = max(r["total_bytes"] for r in rows) / 1048576
    slowest = max(r["ms_to_all_charts_drawn"] for r in rows)
    return [
        "## Site pages (headless Chromium, 127.0.0.1; issue 12.2)",
        "",
        markdown(rows),
        f"- every page ≤ 1.5 MB: {'**met**' if page <= 1.5 else '**NOT met**'} (largest page {page:.2f} MiB); "
        "with the shared, cached files loaded once for the whole site "
        f"(the vendored plotly.js basic bundle is 1.14 MiB of it) "
        f"{'**met**' if heaviest <= 1.5 else '**NOT met**'} (heaviest first visit {heaviest:.2f} MiB)",
        f"- all charts of a page drawn within 1.5 s: {'**met**' if slowest <= 1500 else '**NOT met**'} "
        f"(slowest {slowest} ms)",
        "",
    ]


def main() -> int:
    from .synthetic import synthetic_recordings

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs per bundled scenario (median reported)")
    parser.add_argument("--scale-days", type=int, default=1000, help="synthetic arena days (× 3 boards)")
    parser.add_argument("--scale-runs", type=int, default=3, help="cold runs of the scale scenario (median reported)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    load_before = os.getloadavg()  # the machine is shared: say how busy it was
    results: dict[str, list[tuple[float, float]]] = {"cold": [], "unchanged": [], "unchanged_forced": []}
    floors: list[float] = []
    dagster_floors: list[float] = []
    graph = ""
    reparsed = []
    site_rows: list[dict] | str = []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="videorace-bench-") as tmp:
            work = Path(tmp)
            print(f"run {run + 1}/{args.runs}: floor, then cold", flush=True)
            floors.append(timed_floor(ROOT / "scrapers" / "recordings"))
            results["cold"].append(timed_refresh(work))
            print(f"run {run + 1}/{args.runs}: unchanged (fingerprint fast path)", flush=True)
            results["unchanged"].append(timed_refresh(work))
            print(f"run {run + 1}/{args.runs}: unchanged, forced through Dagster", flush=True)
            results["unchanged_forced"].append(timed_refresh(work, "--force"))
            print(f"run {run + 1}/{args.runs}: Dagster alone on the same graph", flush=True)
            seconds, graph = timed_dagster_floor(work)
            dagster_floors.append(seconds)
            reparsed.append(reparsed_snapshots(work))
            if run == 0:  # the pages the cold refresh built: weight and time until every chart is drawn
                site_rows = _site_rows(work / "site")
    scale_runs: list[tuple[float, float]] = []
    scale_floors: list[float] = []
    with tempfile.TemporaryDirectory(prefix="videorace-bench-scale-") as tmp:
        recordings = synthetic_recordings(Path(tmp) / "recordings", args.scale_days)
        snapshots = args.scale_days * 3
        for run in range(args.scale_runs):
            print(
                f"scale {run + 1}/{args.scale_runs}: {args.scale_days} synthetic days x 3 boards: floor, then cold",
                flush=True,
            )
            scale_floors.append(timed_floor(recordings))
            work = Path(tmp) / f"work{run}"
            work.mkdir()
            try:
                scale_runs.append(timed_refresh(work, recordings=recordings))
            except SystemExit as exc:  # still write the bundled figures, and say why the scale one is missing
                print(exc, file=sys.stderr)
                scale_runs.append((float("nan"), float("nan")))
            shutil.rmtree(work, ignore_errors=True)
    scale = (statistics.median(r[0] for r in scale_runs), max(r[1] for r in scale_runs))
    scale_floor = statistics.median(scale_floors)

    def med(name: str, index: int = 0) -> float:
        return statistics.median(r[index] for r in results[name])

    cold, warm, forced, floor = med("cold"), med("unchanged"), med("unchanged_forced"), statistics.median(floors)
    orchestrator = statistics.median(dagster_floors)
    per_snapshot_ms = (scale[0] - cold) / snapshots * 1000
    floor_per_snapshot_ms = (scale_floor - floor) / snapshots * 1000
    peak = max(r[1] for rs in results.values() for r in rs)

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**NOT met**"

    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench` on: {machine()}.",
        f"Load average (1, 5, 15 min) at the start {', '.join(f'{v:.1f}' for v in load_before)}, at the end "
        f"{', '.join(f'{v:.1f}' for v in os.getloadavg())}, on {os.cpu_count()} cores.",
        f"Median of {args.runs} runs for each bundled scenario and of {args.scale_runs} for the scale scenario (its "
        "peak memory the largest); each cold run starts "
        "from an empty warehouse and Dagster home. The machine is shared (several sessions at once), so "
        "absolute figures carry noise; each floor is measured in the same run, on the same files, just before.",
        "Two floors: the bare script (`benchmarks/floor.py`: hash, parse, Arrow-load, one mart, one page; no "
        "orchestrator) and Dagster alone (`benchmarks/dagster_floor.py`: the refresh job's own steps, asset and "
        f"check specs, {graph}, every body replaced by its results only, imports included).",
        "",
        "| scenario | median wall (s) | runs (s) | peak RSS (MiB) | floor (s) |",
        "|---|---|---|---|---|",
    ]
    for name, label, base in (
        ("cold", "cold replay refresh", f"bare script {floor:.2f}"),
        ("unchanged", "refresh, nothing changed", "-"),
        ("unchanged_forced", "refresh --force, nothing to parse (through Dagster)", f"Dagster {orchestrator:.2f}"),
    ):
        runs = ", ".join(f"{w:.1f}" for w, _ in results[name])
        lines.append(f"| {label} | {med(name):.2f} | {runs} | {max(m for _, m in results[name]):.0f} | {base} |")
    lines.append(
        f"| scale: {args.scale_days} days × 3 boards of SYNTHETIC arena files, cold | {scale[0]:.2f} | "
        f"{', '.join(f'{w:.1f}' for w, _ in scale_runs)} | {scale[1]:.0f} | bare script {scale_floor:.2f} |"
    )
    lines += [
        "",
        "## Targets (issue 8.6)",
        "",
        f"- cold replay refresh ≤ 8 s: {verdict(cold <= 8)} ({cold:.1f} s; floor {floor:.2f} s)",
        f"- forced rebuild with nothing to parse ≤ 5 s: {verdict(forced <= 5)} ({forced:.1f} s; Dagster alone on "
        f"the same graph {orchestrator:.2f} s, so our own work costs {forced - orchestrator:.1f} s of it)",
        f"- unchanged ≤ 1 s: {verdict(warm <= 1)} ({warm:.2f} s)",
        f"- scale cold ≤ 15 s and ≤ 1 GiB: {verdict(scale[0] <= 15 and scale[1] <= 1024)} "
        f"({scale[0]:.1f} s, {scale[1]:.0f} MiB; floor {scale_floor:.2f} s)",
        f"- extra cost per snapshot ≤ 2 ms: {verdict(per_snapshot_ms <= 2)} ({per_snapshot_ms:.2f} ms per "
        f"snapshot over {snapshots} snapshots; floor {floor_per_snapshot_ms:.2f} ms)",
        f"- peak memory of the bundled scenarios < 1 GiB: {verdict(peak < 1024)} ({peak:.0f} MiB)",
        f"- forced unchanged refresh re-parses nothing: {verdict(not any(reparsed))} (snapshots parsed: {reparsed})",
        "",
        "The synthetic files are generated at bench time into a temporary folder by `benchmarks/synthetic.py` "
        "(a real recording with its date moved, labelled `meta.synthetic`, URLs on `synthetic.invalid`); "
        "they never reach the repository or the default warehouse.",
        "",
        *_site_lines(site_rows),
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
