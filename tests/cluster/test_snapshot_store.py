"""The snapshot store behind a URL: a folder, file://… or s3://bucket/prefix (moto's S3 server on
127.0.0.1 stands in for the bucket). Content addressing, the sha256 check on every read and the
recordings manifest work the same in all three."""

from __future__ import annotations

import pytest

from videorace_scrapers.snapshots import (
    SnapshotIntegrityError,
    SnapshotStore,
    prefetch_objects,
    read_snapshot_bytes,
    recorded_snapshots,
    sha256_hex,
)

from ..conftest import RECORDINGS

BODY = b'{"board": "text-to-video", "rows": []}'


def test_a_file_url_store_is_the_folder_store(tmp_path):
    snap = SnapshotStore(f"file://{tmp_path}/store").put("arena", "https://x/data/t2v.json", BODY, mode="live")
    assert snap.path == str(tmp_path / "store" / "arena" / f"{sha256_hex(BODY)}.json")
    assert read_snapshot_bytes(snap) == BODY


def test_snapshots_in_a_bucket_are_content_addressed_and_checked_on_read(bucket):
    store = SnapshotStore(bucket)
    snap = store.put("arena", "https://x/data/2026-07-13/text-to-video.json", BODY, mode="live", label="t2v")
    digest = sha256_hex(BODY)
    assert snap.path == f"{bucket}/arena/{digest}.json"
    assert (snap.sha256, snap.bytes, snap.label) == (digest, len(BODY), "t2v")
    assert store.put("arena", "https://x/other.json", BODY, mode="live").path == snap.path  # same bytes, one object
    assert store.fs.find(bucket) == [f"{bucket.removeprefix('s3://')}/arena/{digest}.json"]
    assert read_snapshot_bytes(snap) == BODY
    store.fs.pipe_file(snap.path, BODY.replace(b"[]", b"[1]"))  # damaged after it was recorded
    with pytest.raises(SnapshotIntegrityError, match=f"recorded sha256 is {digest[:12]}"):
        read_snapshot_bytes(snap)


def test_hostile_names_are_refused_in_a_bucket_too(bucket):
    store = SnapshotStore(bucket)
    with pytest.raises(ValueError, match="unsafe source name"):
        store.put("../arena", "https://x/a.json", BODY, mode="live")
    snap = store.put("arena", "https://x/../../a.json?x=/../..", BODY, mode="live", content_type="text/html; ../x")
    assert snap.path == f"{bucket}/arena/{sha256_hex(BODY)}.json"


def test_a_replay_stages_the_recordings_into_the_bucket_once(bucket):
    recorded = recorded_snapshots(RECORDINGS, "owid_patents")
    store = SnapshotStore(bucket)
    staged = store.stage(recorded)
    assert [s.sha256 for s in staged] == [s.sha256 for s in recorded]
    assert all(s.path == f"{bucket}/owid_patents/{s.sha256}.{s.path.rsplit('.', 1)[1]}" for s in staged)
    assert [read_snapshot_bytes(s) for s in staged] == [read_snapshot_bytes(s) for s in recorded]
    fetched = prefetch_objects(staged)  # what the loader does: every object in one concurrent read
    assert sorted(fetched) == sorted(s.path for s in staged)
    assert [read_snapshot_bytes(s, fetched[s.path]) for s in staged] == [read_snapshot_bytes(s) for s in recorded]
    assert prefetch_objects(recorded) == {}  # files are read where they are
    listed = sorted(store.fs.find(bucket, detail=True).items())
    assert store.stage(recorded) == staged  # a second replay finds every object there and sends nothing
    assert sorted(store.fs.find(bucket, detail=True).items()) == listed
