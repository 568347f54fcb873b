"""Fetching a source: replay reads the committed recordings; live runs the source's Scrapy spider
in its own process (Twisted's reactor cannot restart in one process) and reads back the snapshot
manifest the spider wrote. `scrapy crawl` exits 0 even when every request failed, so what came
back is counted here.

The spider process dies with its parent (PR_SET_PDEATHSIG, and a kill in `finally`), gets the
source's redirect allow-list, stand-in host and body limit as Scrapy settings, and everything it
reports back is redacted (no key value reaches a message) before it leaves this module."""

from __future__ import annotations

import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from videorace_scrapers.redact import redact
from videorace_scrapers.snapshots import Snapshot, recorded_snapshots

from .config import PROJECT_ROOT
from .sources import Source

PR_SET_PDEATHSIG = 1  # linux/prctl.h
TOO_LARGE = re.compile(r"larger than download max size|exceeded DOWNLOAD_MAXSIZE")


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
        raise SourceSkipped(
            f"{source.name}: live only{why} (no committed recordings; videorace refresh --live --select {source.name})"
        )
    return FetchResult(source.name, "replay", recorded_snapshots(recordings_dir, source.name))


def _die_with_parent(parent_pid: int):
    """A preexec_fn: the kernel sends SIGKILL to the spider when the process that started it dies
    (even by kill -9, which no finally block survives). Linux only; elsewhere `finally` must do."""

    def preexec() -> None:
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            return
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


def size_text(limit_bytes: int) -> str:
    return f"{limit_bytes / 1024 / 1024:g} MB" if limit_bytes >= 1024 * 1024 else f"{limit_bytes} bytes"


def spider_settings(source: Source, base_url: str | None, overrides: dict[str, str] | None) -> dict[str, str]:
    """What the registry row says the spider may do, as Scrapy settings (an explicit override wins)."""
    settings = {
        "DOWNLOAD_MAXSIZE": str(int(source.max_response_mb * 1024 * 1024)),
        "DOWNLOAD_WARNSIZE": str(int(source.max_response_mb * 1024 * 1024 / 5)),
        "VIDEORACE_REDIRECT_HOSTS": ",".join(source.redirect_hosts),
        # header names the registry's auth text mentions (e.g. "X-Api-Key") are credentials too
        "VIDEORACE_CREDENTIAL_HEADERS": ",".join(re.findall(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b", source.auth)),
    }
    if base_url:  # VIDEORACE_<NAME>_URL: that host (even a loopback one) is the source
        parts = urlsplit(base_url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
        settings["VIDEORACE_STANDIN_HOST"] = f"{(parts.hostname or '').lower()}:{port}"
    settings.update(overrides or {})
    return settings


def explain(reason: str, limit_bytes: int) -> str:
    """A failure reason as the operator needs it: redacted, and an oversized body said plainly."""
    reason = redact(str(reason))
    if TOO_LARGE.search(reason):
        return f"response larger than {size_text(limit_bytes)} (the source's max_response_mb): {reason[:200]}"
    return reason


def fetch_live(
    source: Source,
    snapshot_dir: str | Path,
    base_url: str | None,
    timeout_s: int = 900,
    spider_args: dict[str, str] | None = None,
    scrapy_settings: dict[str, str] | None = None,
) -> FetchResult:
    """`spider_args` become `-a k=v` (e.g. a date), `scrapy_settings` `-s K=V` (e.g. a short
    DOWNLOAD_TIMEOUT in fault-injection tests)."""
    settings = spider_settings(source, base_url, scrapy_settings)
    limit = int(settings["DOWNLOAD_MAXSIZE"])
    with tempfile.TemporaryDirectory(prefix=f"videorace-{source.name}-") as tmp:
        manifest = Path(tmp) / "manifest.jsonl"
        failures_file = Path(tmp) / "failures.jsonl"
        command = [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            source.spider,
            "-s",
            f"VIDEORACE_SNAPSHOT_DIR={snapshot_dir}",
            "-s",
            f"VIDEORACE_MANIFEST={manifest}",
            "-s",
            f"VIDEORACE_FAILURES={failures_file}",
        ]
        if base_url:
            command += ["-a", f"base_url={base_url}"]
        for key, value in (spider_args or {}).items():
            command += ["-a", f"{key}={value}"]
        for key, value in settings.items():
            command += ["-s", f"{key}={value}"]
        proc = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT / "scrapers",
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_die_with_parent(os.getpid()),
        )
        try:
            _, stderr = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            raise FetchError(f"{source.name}: spider {source.spider} did not finish within {timeout_s}s") from None
        finally:  # an exception or Ctrl-C here must not leave the spider running
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        snapshots = [Snapshot(**json.loads(line)) for line in _lines(manifest)]
        failures = [
            {**f, "reason": explain(f.get("reason"), limit), "url": redact(f.get("url"))}
            for f in (json.loads(line) for line in _lines(failures_file))
        ]
        if proc.returncode != 0:
            tail = redact(stderr or "").strip().splitlines()[-5:]
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
