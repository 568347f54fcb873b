"""Fetching a source: replay reads the committed recordings; live runs the source's Scrapy spider
in its own process (Twisted's reactor cannot restart in one process) and reads back the snapshot
manifest the spider wrote. `scrapy crawl` exits 0 even when every request failed, so what came
back is counted here."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from videorace_scrapers.snapshots import Snapshot, recorded_snapshots

from .config import PROJECT_ROOT
from .sources import Source


class FetchError(RuntimeError):
    """A source could not be fetched at all; the message says which and why."""


class SourceSkipped(FetchError):
    """The spider chose not to fetch (e.g. no credentials): not a failure, and said plainly."""


@dataclass
class FetchResult:
    source: str
    mode: str
    snapshots: list[Snapshot]
    failures: list[dict] = field(default_factory=list)


def fetch_replay(source: Source, recordings_dir: Path) -> FetchResult:
    if not source.has_recordings:
        # the registry's reason comes first: `videorace status` shows the first ~110 characters
        why = f" — {source.replay_note}" if source.replay_note else ""
        raise SourceSkipped(f"{source.name}: live only{why} (no committed recordings; "
                            f"videorace refresh --live --select {source.name})")
    return FetchResult(source.name, "replay", recorded_snapshots(recordings_dir, source.name))


def fetch_live(source: Source, snapshot_dir: Path, base_url: str | None, timeout_s: int = 900,
               spider_args: dict[str, str] | None = None, scrapy_settings: dict[str, str] | None = None) -> FetchResult:
    """`spider_args` become `-a k=v` (e.g. a date), `scrapy_settings` `-s K=V` (e.g. a short
    DOWNLOAD_TIMEOUT in fault-injection tests)."""
    with tempfile.TemporaryDirectory(prefix=f"videorace-{source.name}-") as tmp:
        manifest = Path(tmp) / "manifest.jsonl"
        failures_file = Path(tmp) / "failures.jsonl"
        command = [
            sys.executable, "-m", "scrapy", "crawl", source.spider,
            "-s", f"VIDEORACE_SNAPSHOT_DIR={snapshot_dir}",
            "-s", f"VIDEORACE_MANIFEST={manifest}",
            "-s", f"VIDEORACE_FAILURES={failures_file}",
        ]
        if base_url:
            command += ["-a", f"base_url={base_url}"]
        for key, value in (spider_args or {}).items():
            command += ["-a", f"{key}={value}"]
        for key, value in (scrapy_settings or {}).items():
            command += ["-s", f"{key}={value}"]
        try:
            proc = subprocess.run(command, cwd=PROJECT_ROOT / "scrapers", capture_output=True, text=True,
                                  timeout=timeout_s)
        except subprocess.TimeoutExpired:
            raise FetchError(f"{source.name}: spider {source.spider} did not finish within {timeout_s}s") from None
        snapshots = [Snapshot(**json.loads(line)) for line in _lines(manifest)]
        failures = [json.loads(line) for line in _lines(failures_file)]
        if proc.returncode != 0:
            tail = (proc.stderr or "").strip().splitlines()[-5:]
            raise FetchError(f"{source.name}: spider {source.spider} exited {proc.returncode}: " + " | ".join(tail))
        if not snapshots and failures and all("skipped:" in str(f.get("reason")) for f in failures):
            raise SourceSkipped(f"{source.name}: {failures[0].get('reason')}")
        if not snapshots:
            reasons = "; ".join(f"{f.get('url')}: {f.get('reason')}" for f in failures[:5]) or "no responses"
            raise FetchError(f"{source.name}: live fetch returned no usable response ({reasons})")
        return FetchResult(source.name, "live", snapshots, failures)


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
