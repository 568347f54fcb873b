"""The snapshot store: immutable raw bytes addressed by sha256, plus their manifest records.

Paths are built from the source name (checked against a strict pattern) and the hash, never from
the URL, so nothing a server sends can move a file outside the store. The store is a folder or,
through fsspec, object storage (s3://bucket/prefix); the rules are the same in both.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import os
import re
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import fsspec

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


def storage_options(url: str) -> dict:
    """fsspec options for a store URL, from the environment only: for s3:// the endpoint of an
    S3-compatible server (VIDEORACE_S3_ENDPOINT_URL, e.g. MinIO or moto; AWS_ENDPOINT_URL_S3 also
    works). Credentials come from the usual AWS_* variables or the machine's role, read by botocore."""
    endpoint = os.environ.get("VIDEORACE_S3_ENDPOINT_URL") or os.environ.get("AWS_ENDPOINT_URL_S3")
    if url.startswith(("s3://", "s3a://")) and endpoint:
        return {"endpoint_url": endpoint}
    return {}


def local_folder(location: str | Path) -> Path | None:
    """A plain path or file:// URL as a folder; None for object storage (s3://…)."""
    text = str(location)
    if text.startswith("file://"):
        return Path(unquote(urlsplit(text).path))
    return None if "://" in text else Path(text)


class SnapshotStore:
    """Content-addressed snapshots under a folder (a path or file://…) or in object storage
    (s3://bucket/prefix, through fsspec/s3fs). Either way a snapshot is `<root>/<source>/<sha256>.<ext>`,
    written whole or not at all, and its record names where it is (a path, or the object's URL)."""

    def __init__(self, root: str | Path) -> None:
        folder = local_folder(root)
        self.is_remote = folder is None
        self.root = folder if folder is not None else Path()
        self.url = str(root).rstrip("/")
        if self.is_remote:
            self.fs, _ = fsspec.core.url_to_fs(self.url, **storage_options(self.url))

    def path_for(self, source: str, sha256: str, ext: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        if not _SAFE_EXT.match(ext):
            ext = "bin"
        path = (self.root / safe_source_name(source) / f"{sha256}.{ext}").resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"snapshot path escapes the store: {path}")
        return path

    def url_for(self, source: str, sha256: str, ext: str) -> str:
        """The object URL; the name is built from checked parts only, as path_for's is."""
        return f"{self.url}/{self.path_for(source, sha256, ext).relative_to(self.root.resolve()).as_posix()}"

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
        ext = extension_for(url, content_type)
        where = (
            self._put_object(source, digest, ext, body) if self.is_remote else self._put_file(source, digest, ext, body)
        )
        return Snapshot(
            sha256=digest,
            source=source,
            url=url,
            fetched_at=fetched_at or datetime.now(UTC).isoformat(timespec="seconds"),
            mode=mode,
            path=where,
            bytes=len(body),
            label=label,
        )

    def _put_file(self, source: str, digest: str, ext: str, body: bytes) -> str:
        path = self.path_for(source, digest, ext)
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
        return display_path(path)

    def _put_object(self, source: str, digest: str, ext: str, body: bytes) -> str:
        """One PUT: an object store shows an object whole or not at all, so no .part is needed; an
        object already there has these bytes (its name is their hash) and is not sent again."""
        url = self.url_for(source, digest, ext)
        try:
            if not self.fs.exists(url):
                self.fs.pipe_file(url, body)
        except OSError as exc:
            raise SnapshotWriteError(f"{source}: cannot write snapshot {url}: {exc}") from None
        return url

    def stage(self, snapshots: list[Snapshot]) -> list[Snapshot]:
        """Recorded snapshots copied into this (object) store, checked against their recorded sha256
        on the way: one listing per source, then the missing objects sent together (fsspec `pipe`),
        so a second replay sends nothing."""
        staged, missing = [], {}
        listed: dict[str, set[str]] = {}
        for snap in snapshots:
            if snap.source not in listed:
                try:
                    listed[snap.source] = set(self.fs.find(f"{self.url}/{safe_source_name(snap.source)}"))
                except FileNotFoundError:
                    listed[snap.source] = set()
            url = self.url_for(snap.source, snap.sha256, Path(snap.path).suffix.lstrip(".") or "bin")
            if url.split("://", 1)[1] not in listed[snap.source]:
                missing[url] = read_snapshot_bytes(snap)
            staged.append(replace(snap, path=url))
        if missing:
            try:
                self.fs.pipe(missing)
            except OSError as exc:
                raise SnapshotWriteError(
                    f"{snapshots[0].source}: cannot write snapshots to {self.url}: {exc}"
                ) from None
        return staged


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


def prefetch_objects(snapshots: list[Snapshot]) -> dict[str, bytes]:
    """The bytes of the snapshots that are objects (s3://…), fetched concurrently by fsspec (one
    `cat` of many paths); a missing object is left out, so its read names it. Files: nothing."""
    remote = sorted({s.path for s in snapshots if local_folder(s.path) is None})
    if not remote:
        return {}
    fs, _ = fsspec.core.url_to_fs(remote[0], **storage_options(remote[0]))
    protocol = remote[0].split("://", 1)[0]
    found = fs.cat(remote, on_error="omit")
    return {(key if "://" in key else f"{protocol}://{key}"): body for key, body in found.items()}


def read_snapshot_bytes(snapshot: Snapshot, fetched: bytes | None = None) -> bytes:
    """The bytes of a snapshot (a file, or an object in a bucket; `fetched` when already read),
    hashed again on every read: a mismatch with the recorded sha256 raises SnapshotIntegrityError
    naming the snapshot (the loader then loads nothing from it)."""
    if fetched is not None:
        body = fetched
    elif local_folder(snapshot.path) is None:
        with fsspec.open(snapshot.path, "rb", **storage_options(snapshot.path)) as handle:
            body = handle.read()
    else:
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
