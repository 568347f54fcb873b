"""What a fetch step found, handed to its source's load step through the snapshot store.

DuckDB admits one writer, so only the load steps (which register snapshots, record the outcome in
raw.source_runs and parse) take the warehouse writer pool; fetch steps never open the warehouse and
run in parallel in the cluster profile. A fetch writes its outcome (its snapshots, its failed
requests, or why it skipped or failed) as `<store>/_fetches/<run id>/<source>.json`, through fsspec
as the snapshots are, so a bucket shared by several machines works the same as a folder. The load
step takes it and removes it; a re-execution of the load step alone finds its parent run's.

In the cluster profile the fetch step also parses the snapshots the published copy has not loaded
yet, so parsing runs in parallel too: one Arrow IPC file per snapshot beside the outcome
(`<source>/<sha256>.arrow`, the parser's frame exactly). The load step uses a frame it finds and
parses anything else itself; what is new is still decided by the warehouse, never by the copy.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass, field

import fsspec
import polars as pl

from videorace_scrapers.snapshots import Snapshot, local_folder, safe_source_name, storage_options

HANDOFF_FOLDER = "_fetches"  # not a source name (those start with a letter), so no snapshot lands here


@dataclass
class FetchOutcome:
    source: str
    mode: str
    status: str  # ok | skipped | failed
    snapshots: list[Snapshot] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)  # failed requests of a fetch that got something
    message: str | None = None  # why it skipped or failed, one line

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> FetchOutcome:
        data = json.loads(text)
        return cls(**{**data, "snapshots": [Snapshot(**s) for s in data["snapshots"]]})


def _url(store: str, run_id: str, source: str) -> str:
    if not run_id.replace("-", "").isalnum():
        raise ValueError(f"not a Dagster run id: {run_id!r}")
    return f"{store.rstrip('/')}/{HANDOFF_FOLDER}/{run_id}/{safe_source_name(source)}.json"


def _fs(store: str):
    fs, _ = fsspec.core.url_to_fs(store, **storage_options(store))
    return fs


def hand_over(store: str, run_id: str, outcome: FetchOutcome) -> None:
    """Write the outcome whole (a folder: through a temporary name; a bucket: one PUT)."""
    url, fs = _url(store, run_id, outcome.source), _fs(store)
    if local_folder(store) is None:
        fs.pipe_file(url, outcome.to_json().encode())
        return
    fs.makedirs(url.rsplit("/", 1)[0], exist_ok=True)
    fs.pipe_file(f"{url}.part", outcome.to_json().encode())
    fs.mv(f"{url}.part", url)


def take_over(store: str, run_ids: list[str], source: str) -> tuple[str, FetchOutcome] | None:
    """(run id, outcome) of the first of `run_ids` (this run, then the runs it re-executes) that
    fetched `source`; None when none did (the load step then loads what is already registered)."""
    fs = _fs(store)
    for run_id in run_ids:
        url = _url(store, run_id, source)
        if fs.exists(url):
            return run_id, FetchOutcome.from_json(fs.cat_file(url).decode())
    return None


def _frames_folder(store: str, run_id: str, source: str) -> str:
    return _url(store, run_id, source).removesuffix(".json")


def hand_over_frames(store: str, run_id: str, source: str, frames: dict[str, pl.DataFrame]) -> None:
    """The parsed frames of new snapshots, by sha256, written together (one fsspec `pipe`)."""
    if not frames:
        return
    folder, fs = _frames_folder(store, run_id, source), _fs(store)
    if local_folder(store) is not None:  # a bucket has no folders to make
        fs.makedirs(folder, exist_ok=True)
    blobs = {}
    for sha256, frame in frames.items():
        buffer = io.BytesIO()
        frame.write_ipc(buffer)
        blobs[f"{folder}/{sha256}.arrow"] = buffer.getvalue()
    fs.pipe(blobs)


def take_frames(store: str, run_id: str, source: str) -> dict[str, pl.DataFrame]:
    """The frames a fetch parsed, by sha256 ({} when it parsed none), read together."""
    folder, fs = _frames_folder(store, run_id, source), _fs(store)
    try:
        names = [n for n in fs.ls(folder, detail=False) if n.endswith(".arrow")]
    except FileNotFoundError:
        return {}
    blobs = fs.cat(names)
    return {
        name.rsplit("/", 1)[-1].removesuffix(".arrow"): pl.read_ipc(io.BytesIO(blob)) for name, blob in blobs.items()
    }


def clear(store: str, run_id: str, source: str) -> None:
    """Remove a consumed outcome and its frames (and the run's folder once it is empty)."""
    url, fs = _url(store, run_id, source), _fs(store)
    if fs.exists(url):
        fs.rm_file(url)
    frames = _frames_folder(store, run_id, source)
    if fs.exists(frames):
        fs.rm(frames, recursive=True)
    folder = url.rsplit("/", 1)[0]
    try:
        if not fs.ls(folder):
            fs.rmdir(folder)
    except (FileNotFoundError, OSError):  # a bucket has no folders; another source still has a file there
        pass
