"""The snapshot store: immutable raw bytes addressed by sha256, plus their manifest records.

Paths are built from the source name (checked against a strict pattern) and the hash, never from
the URL, so nothing a server sends can move a file outside the store.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from .parsers.base import ParseError

_SAFE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_SAFE_EXT = re.compile(r"^[a-z0-9]{1,8}$")


class SnapshotWriteError(OSError):
    """A snapshot could not be stored (e.g. the disk is full); nothing partial is left behind."""


@dataclass(frozen=True)
class Snapshot:
    sha256: str
    source: str
    url: str
    fetched_at: str  # ISO 8601, UTC
    mode: str  # replay | live | curated
    path: str  # where the bytes are, relative to the project root when inside it
    bytes: int
    label: str = ""  # e.g. the ticker or repo a file belongs to

    def as_row(self) -> dict:
        return asdict(self)


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def safe_source_name(source: str) -> str:
    if not _SAFE_NAME.match(source or ""):
        raise ValueError(f"unsafe source name {source!r}")
    return source


def extension_for(url: str, content_type: str | None = None) -> str:
    guess = url.split("?", 1)[0].rsplit("/", 1)[-1].rsplit(".", 1)
    ext = guess[1].lower() if len(guess) == 2 else ""
    if not _SAFE_EXT.match(ext):
        ctype = (content_type or "").lower()
        ext = "json" if "json" in ctype else "html" if "html" in ctype else "xml" if "xml" in ctype else "bin"
    return ext


class SnapshotStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, source: str, sha256: str, ext: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        if not _SAFE_EXT.match(ext):
            ext = "bin"
        path = (self.root / safe_source_name(source) / f"{sha256}.{ext}").resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"snapshot path escapes the store: {path}")
        return path

    def put(
        self,
        source: str,
        url: str,
        body: bytes,
        *,
        mode: str,
        fetched_at: str | None = None,
        content_type: str | None = None,
        label: str = "",
    ) -> Snapshot:
        digest = sha256_hex(body)
        path = self.path_for(source, digest, extension_for(url, content_type))
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".part")
            try:
                tmp.write_bytes(body)
                tmp.replace(path)
            except OSError as exc:  # a full disk: no partial file left, and the reason said plainly
                tmp.unlink(missing_ok=True)
                if exc.errno == errno.ENOSPC:
                    raise SnapshotWriteError(
                        f"{source}: no space left on device writing a {len(body)}-byte "
                        f"snapshot to {display_path(path.parent)}"
                    ) from None
                raise SnapshotWriteError(
                    f"{source}: cannot write snapshot {display_path(path)}: {exc.strerror or exc}"
                ) from None
        return Snapshot(
            sha256=digest,
            source=source,
            url=url,
            fetched_at=fetched_at or datetime.now(UTC).isoformat(timespec="seconds"),
            mode=mode,
            path=display_path(path),
            bytes=len(body),
            label=label,
        )


PROJECT_ROOT = Path(__file__).resolve().parents[2]


def display_path(path: Path) -> str:
    path = Path(path).resolve()
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


class SnapshotIntegrityError(ParseError):
    """A snapshot's bytes no longer hash to the sha256 recorded for them (manifest or raw.snapshots):
    the file was changed or damaged after it was recorded, so nothing from it may load."""

    def __init__(self, snapshot: Snapshot, actual: str) -> None:
        super().__init__(
            snapshot.source,
            f"snapshot {snapshot.path}",
            f"bytes hash to sha256 {actual[:12]}, recorded sha256 is {snapshot.sha256[:12]} "
            "(changed or damaged since it was recorded; nothing from it is loaded)",
        )


def read_snapshot_bytes(snapshot: Snapshot) -> bytes:
    """The bytes of a snapshot, hashed again on every read: a mismatch with the recorded sha256
    raises SnapshotIntegrityError naming the snapshot (the loader then loads nothing from it)."""
    path = Path(snapshot.path)
    body = (path if path.is_absolute() else PROJECT_ROOT / path).read_bytes()
    actual = sha256_hex(body)
    if actual != snapshot.sha256:
        raise SnapshotIntegrityError(snapshot, actual)
    return body


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _recorded_sha256(source: str, manifest: Path, line: int, row: dict) -> str | None:
    """The manifest's `sha256` column for one row: None when the manifest has no such column
    (older manifests; the bytes are hashed instead), an error when it is there but not a digest."""
    value = (row.get("sha256") or "").strip().lower()
    if "sha256" not in row:
        return None
    if not _SHA256.fullmatch(value):
        raise ValueError(f"{source}: {display_path(manifest)} line {line}: sha256 {value!r} is not a hex digest")
    return value


def recorded_snapshots(recordings_dir: Path, source: str) -> list[Snapshot]:
    """The replay path: the committed recordings of one source, listed in its manifest.csv
    (columns file, label, url, fetched_at, …, sha256; see HELPERS/README). Where the manifest
    records a sha256 the snapshot carries that recorded digest, so the bytes are checked against
    it when they are read for parsing (read_snapshot_bytes), not trusted as found."""
    folder = Path(recordings_dir) / safe_source_name(source)
    manifest = folder / "manifest.csv"
    if not manifest.exists():
        raise FileNotFoundError(f"{source}: no recordings manifest at {display_path(manifest)}")
    snapshots = []
    with manifest.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            file = (folder / row["file"]).resolve()
            if folder.resolve() not in file.parents:
                raise ValueError(f"{source}: manifest entry {row['file']!r} points outside {folder}")
            recorded = _recorded_sha256(source, manifest, line, row)
            if recorded is None:
                body = file.read_bytes()
                digest, size = sha256_hex(body), len(body)
            else:
                digest, size = recorded, file.stat().st_size
            snapshots.append(
                Snapshot(
                    sha256=digest,
                    source=source,
                    url=row["url"],
                    fetched_at=row["fetched_at"],
                    mode="replay",
                    path=display_path(file),
                    bytes=size,
                    label=row.get("label") or "",
                )
            )
    if not snapshots:
        raise ValueError(f"{source}: recordings manifest {display_path(manifest)} lists no files")
    return snapshots
