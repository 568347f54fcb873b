"""`videorace record SOURCE`: promote live snapshots of a source into its committed recordings, so
the replay run (and the tests) see exactly what the live source returned.

The bytes are re-hashed as they are copied: a snapshot file that no longer hashes to the sha256 the
warehouse registered (tampered, truncated, swapped) is refused, and so is a deleted one, each in one
line. The manifest is written in the one format every source shares (HELPERS.md), `sha256` included,
so the replay loader can refuse a recording that changed after it was recorded.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import duckdb

from videorace_scrapers.snapshots import PROJECT_ROOT, safe_source_name

from .sources import get_source

MANIFEST_FIELDS = (
    "file",
    "label",
    "url",
    "fetched_at",
    "repository",
    "commit",
    "path",
    "upstream",
    "upstream_url",
    "capture",
    "sha256",
)


class RecordError(RuntimeError):
    """A snapshot cannot be promoted; the message names the source, the file and why."""


def recording_name(url: str, sha256: str, fetched_at: str) -> str:
    """A file name derived from the URL, made safe: one path segment, no dots-only names."""
    last = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    clean = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "_", last)).strip("._")[:80] or "response"
    return f"{fetched_at[:10]}/{sha256[:12]}-{clean}"


def verified_bytes(source: str, snapshot_file: Path, sha256: str) -> bytes:
    """The snapshot's bytes, only if they still hash to what the warehouse registered."""
    try:
        body = snapshot_file.read_bytes()
    except FileNotFoundError:
        raise RecordError(
            f"{source}: snapshot file {snapshot_file} is missing (deleted or moved); nothing "
            "recorded — fetch it again with `videorace refresh --live --select "
            f"{source}`"
        ) from None
    except OSError as exc:
        raise RecordError(f"{source}: cannot read snapshot file {snapshot_file}: {exc.strerror}") from None
    actual = hashlib.sha256(body).hexdigest()
    if actual != sha256:
        raise RecordError(
            f"{source}: snapshot file {snapshot_file} hashes to {actual[:12]}…, not the registered "
            f"{sha256[:12]}… (changed since it was fetched); nothing recorded"
        )
    return body


def promote(
    con: duckdb.DuckDBPyConnection, source_name: str, recordings_dir: Path, latest_only: bool = True
) -> list[str]:
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
        raise LookupError(
            f"{source.name}: no live snapshots in the warehouse; run `videorace refresh --live "
            f"--select {source.name}` first"
        )
    manifest = folder / "manifest.csv"
    existing = []
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as handle:
            existing = list(csv.DictReader(handle))
    known = {(r["url"], r["file"]) for r in existing}
    pending = []  # verify every file before writing any, so a refusal leaves the recordings as they were
    for sha, url, fetched_at, path, label in rows:
        name = recording_name(url, sha, fetched_at)
        target = (folder / name).resolve()
        if folder.resolve() not in target.parents:
            raise ValueError(f"{source.name}: refusing to write outside {folder}: {name}")
        if (url, name) in known:
            continue
        snapshot_file = Path(path) if Path(path).is_absolute() else PROJECT_ROOT / path
        pending.append(
            (
                name,
                target,
                verified_bytes(source.name, snapshot_file, sha),
                {
                    "file": name,
                    "label": label,
                    "url": url,
                    "fetched_at": fetched_at,
                    "repository": "",
                    "commit": "",
                    "path": "",
                    "upstream": source.title,
                    "upstream_url": source.live_url,
                    "capture": "byte-exact",
                    "sha256": sha,
                },
            )
        )
    for _, target, body, row in pending:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(body)
        tmp.replace(target)
        existing.append(row)
    folder.mkdir(parents=True, exist_ok=True)
    tmp_manifest = manifest.with_name("manifest.csv.part")
    with tmp_manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_FIELDS, extrasaction="ignore", restval="")
        writer.writeheader()
        writer.writerows(existing)
    tmp_manifest.replace(manifest)
    return [name for name, *_ in pending]
