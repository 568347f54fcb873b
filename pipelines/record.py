"""`videorace record SOURCE`: promote live snapshots of a source into its committed recordings, so
the replay run (and the tests) see exactly what the live source returned."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb

from videorace_scrapers.snapshots import PROJECT_ROOT, safe_source_name

from .sources import get_source

MANIFEST_FIELDS = ("file", "url", "fetched_at", "label")


def recording_name(url: str, sha256: str, fetched_at: str) -> str:
    """A file name derived from the URL, made safe: one path segment, no dots-only names."""
    last = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    clean = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "_", last)).strip("._")[:80] or "response"
    return f"{fetched_at[:10]}/{sha256[:12]}-{clean}"


def promote(con: duckdb.DuckDBPyConnection, source_name: str, recordings_dir: Path, latest_only: bool = True) -> list[str]:
    source = get_source(source_name)
    folder = Path(recordings_dir) / safe_source_name(source.name)
    rows = con.execute(
        """SELECT sha256, url, strftime(fetched_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'), path, coalesce(label, '')
           FROM raw.snapshots WHERE source = ? AND mode = 'live'
           QUALIFY ? = false OR row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
           ORDER BY url""",
        [source.name, latest_only],
    ).fetchall()
    if not rows:
        raise LookupError(f"{source.name}: no live snapshots in the warehouse; run `videorace refresh --live "
                          f"--select {source.name}` first")
    manifest = folder / "manifest.csv"
    existing = []
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as handle:
            existing = list(csv.DictReader(handle))
    known = {(r["url"], r["file"]) for r in existing}
    added = []
    for sha, url, fetched_at, path, label in rows:
        name = recording_name(url, sha, fetched_at)
        target = (folder / name).resolve()
        if folder.resolve() not in target.parents:
            raise ValueError(f"{source.name}: refusing to write outside {folder}: {name}")
        if (url, name) in known:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        snapshot_file = Path(path) if Path(path).is_absolute() else PROJECT_ROOT / path
        shutil.copyfile(snapshot_file, target)
        existing.append({"file": name, "url": url, "fetched_at": fetched_at, "label": label})
        added.append(name)
    folder.mkdir(parents=True, exist_ok=True)
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(existing)
    return added
