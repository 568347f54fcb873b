"""Snapshot integrity: bytes are hashed again when read for parsing; a mismatch with the recorded
sha256 (the manifest's for recordings, raw.snapshots' for stored ones) names the snapshot and
nothing from it loads."""

from __future__ import annotations

import csv
import shutil

import duckdb
import pytest

from pipelines.loading import load_source
from pipelines.warehouse import ensure_base_tables
from tests.support import RECORDINGS
from videorace_scrapers.snapshots import (
    SnapshotIntegrityError,
    SnapshotStore,
    read_snapshot_bytes,
    recorded_snapshots,
)

FILES = ("2026-10-10/text-to-video.json", "2026-10-10/video-edit.json", "2026-09-26/text-to-video.json")


def copy_recordings(tmp_path) -> tuple:
    """Three real arena files and their manifest rows in a private recordings folder."""
    folder = tmp_path / "recordings" / "arena"
    with (RECORDINGS / "arena" / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [r for r in reader if r["file"] in FILES]
        columns = reader.fieldnames
    for row in rows:
        (folder / row["file"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(RECORDINGS / "arena" / row["file"], folder / row["file"])
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return folder, rows


def test_recorded_snapshots_carry_the_manifest_digest(tmp_path):
    folder, rows = copy_recordings(tmp_path)
    snaps = recorded_snapshots(folder.parent, "arena")
    assert [s.sha256 for s in snaps] == [r["sha256"] for r in rows]
    assert read_snapshot_bytes(snaps[0]) == (folder / rows[0]["file"]).read_bytes()


def test_a_changed_recording_is_refused_naming_it_and_nothing_from_it_loads(tmp_path):
    folder, rows = copy_recordings(tmp_path)
    victim = folder / "2026-10-10" / "text-to-video.json"
    victim.write_bytes(victim.read_bytes().replace(b'"score": 1516', b'"score": 1600'))  # still valid JSON
    snaps = recorded_snapshots(folder.parent, "arena")
    with pytest.raises(SnapshotIntegrityError) as err:
        read_snapshot_bytes(next(s for s in snaps if s.path.endswith("2026-10-10/text-to-video.json")))
    message = str(err.value)
    assert message.startswith("arena: cannot parse snapshot ") and "2026-10-10/text-to-video.json" in message
    recorded = next(r["sha256"] for r in rows if r["file"] == "2026-10-10/text-to-video.json")
    assert f"recorded sha256 is {recorded[:12]}" in message

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_base_tables(con)
    # one refused snapshot is that snapshot's failure: it is recorded as a reject with its reason and
    # named by the load's error, the two intact files load, and 1600 never reaches the warehouse
    with pytest.raises(SnapshotIntegrityError):
        load_source(con, "arena", "raw_leaderboards__arena", snaps)
    assert con.execute("SELECT count(*) FROM raw.raw_leaderboards__arena").fetchall() == [(58,)]
    rejects = con.execute("SELECT path, reason FROM raw.snapshot_rejects").fetchall()
    assert len(rejects) == 1 and rejects[0][0].endswith("2026-10-10/text-to-video.json")
    assert "bytes hash to sha256" in rejects[0][1]
    assert con.execute("SELECT max(score) FROM raw.raw_leaderboards__arena").fetchall() == [(1516,)]
    again = load_source(con, "arena", "raw_leaderboards__arena", snaps)  # reported once, not forever
    assert (again.snapshots_new, again.rows_loaded) == (0, 0)


def test_a_manifest_digest_that_is_not_one_is_an_error(tmp_path):
    folder, _ = copy_recordings(tmp_path)
    text = (folder / "manifest.csv").read_text(encoding="utf-8").splitlines()
    text[1] = text[1].rsplit(",", 1)[0] + ",not-a-digest"
    (folder / "manifest.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"arena: .*manifest.csv line 2: sha256 'not-a-digest' is not a hex digest"):
        recorded_snapshots(folder.parent, "arena")


def test_a_stored_live_snapshot_changed_on_disk_is_refused(tmp_path):
    body = (RECORDINGS / "arena" / "2026-10-10" / "video-edit.json").read_bytes()
    snap = SnapshotStore(tmp_path / "store").put(
        "arena", "http://127.0.0.1/data/2026-10-10/video-edit.json", body, mode="live"
    )
    assert read_snapshot_bytes(snap) == body
    (tmp_path / "store" / "arena" / f"{snap.sha256}.json").write_bytes(body[:-10])
    with pytest.raises(SnapshotIntegrityError, match=f"recorded sha256 is {snap.sha256[:12]}"):
        read_snapshot_bytes(snap)
