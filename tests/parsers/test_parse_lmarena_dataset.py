"""The official arena.ai leaderboard dataset (JSON mirror) on its real files: full precision kept."""

from __future__ import annotations

import csv
import hashlib
import json

import pytest

from tests.support import RECORDINGS
from videorace_scrapers.parsers import ParseError
from videorace_scrapers.parsers.lmarena_dataset import parse

FOLDER = RECORDINGS / "lmarena_dataset"


def records(day: str, subset: str) -> list[dict]:
    path = FOLDER / day / f"{subset}.json"
    return parse(path.read_bytes(), where=str(path))


def test_2026_08_12_text_to_video_first_is_gemini_omni_flash_at_full_precision():
    rows = records("2026-08-12", "text_to_video")
    first = rows[0]
    assert (first["board"], first["rank"], first["model"], first["organization"]) == (
        "text-to-video",
        1,
        "gemini-omni-flash",
        "google",
    )
    assert first["rating"] == 1512.0327784964625
    assert (first["rating_lower"], first["rating_upper"]) == (1501.4093952291405, 1522.6561617637844)
    assert (first["variance"], first["vote_count"]) == (29.378493252733005, 15930)
    assert (first["leaderboard_publish_date"], first["snapshot_date"]) == ("2026-08-11", "2026-08-12")
    assert len(rows) == 44
    pixverse = next(r for r in rows if r["model"] == "pixverse-v5.6")
    assert (pixverse["organization"], pixverse["license"], pixverse["rank"]) == (None, "Proprietary", 22)


def test_image_to_video_2026_08_14_and_video_edit_boards():
    first = records("2026-08-14", "image_to_video")[0]
    assert (first["board"], first["model"], first["rating"], first["leaderboard_publish_date"]) == (
        "image-to-video",
        "minimax-h3",
        1488.8975126964262,
        "2026-08-13",
    )
    edit = records("2026-06-30", "video_edit")
    assert (len(edit), edit[0]["model"], edit[0]["rating"], edit[0]["leaderboard_publish_date"]) == (
        6,
        "dreamina-seedance-2.0-720p",
        1379.3300086611139,
        "2026-05-12",
    )


def test_manifest_is_byte_exact_with_provenance():
    with (FOLDER / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 11
    for row in rows:
        body = (FOLDER / row["file"]).read_bytes()
        assert hashlib.sha256(body).hexdigest() == row["sha256"]
        assert (row["repository"], row["capture"]) == ("Scarlett9826/arena-ai-leaderboards", "byte-exact")
        assert row["url"].endswith(f"/{row['commit']}/data/lmarena/{row['file']}")
        assert json.loads(body)["meta"]["source_url"] == row["upstream_url"]
        assert row["upstream_url"].startswith("https://huggingface.co/datasets/lmarena-ai/leaderboard-dataset/")


def test_truncated_or_empty_files_are_refused_naming_the_snapshot():
    doc = json.loads((FOLDER / "2026-08-12" / "text_to_video.json").read_bytes())
    doc["rows"] = doc["rows"][:10]  # cut between rows: still valid JSON
    with pytest.raises(ParseError, match=r"lmarena_dataset: cannot parse snap-x: meta.n_rows=44 but the file holds 10"):
        parse(json.dumps(doc).encode(), where="snap-x")
    doc["rows"] = []
    with pytest.raises(ParseError, match="'rows' is empty"):
        parse(json.dumps(doc).encode(), where="snap-x")
