"""The 45 committed arena days: both file shapes parse to exact values, the manifest tells the truth
about every file, and the transcribed files agree with the byte-exact ones and with the curated
transcription wherever they overlap."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter

import pytest

from pipelines.curated import CURATED_DIR
from tests.support import RECORDINGS
from videorace_scrapers.parsers.arena import parse

ARENA = RECORDINGS / "arena"
COLUMNS = [
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
]


def manifest() -> list[dict]:
    with (ARENA / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def board(day: str, name: str) -> list[dict]:
    path = ARENA / day / f"{name}.json"
    return parse(path.read_bytes(), where=str(path))


def test_2026_04_19_text_to_video_first_place_is_seedance_at_1460():
    first = board("2026-04-19", "text-to-video")[0]
    assert (first["rank"], first["model"], first["score"], first["ci"], first["votes"]) == (
        1,
        "dreamina-seedance-2.0-720p",
        1460,
        11,
        6836,
    )


def test_2026_10_10_boards_newest_day_deterministic_shape():
    t2v = board("2026-10-10", "text-to-video")
    assert len(t2v) == 48
    assert [(r["model"], r["score"], r["ci_low"], r["ci_high"], r["votes"]) for r in t2v[:2]] == [
        ("gemini-omni-1.1-flash", 1516, 15, 15, 1784),
        ("gemini-omni-flash", 1513, 9, 9, 26576),
    ]
    assert (t2v[0]["rank_spread_low"], t2v[0]["rank_spread_high"], t2v[0]["board_last_updated"]) == (
        1,
        4,
        "Sep 21, 2026",
    )
    i2v, edit = board("2026-10-10", "image-to-video"), board("2026-10-10", "video-edit")
    assert (i2v[0]["model"], i2v[0]["vendor"], i2v[0]["score"]) == ("minimax-h3", "MiniMax", 1495)
    assert (edit[0]["model"], edit[0]["vendor"], edit[0]["score"], len(edit)) == ("wan3.0", "Alibaba", 1414, 10)


def test_old_llm_shape_after_july_still_parses():
    first = board("2026-09-05", "image-to-video")[0]  # "score": 1497.0, "ci": 6.0 in the file
    assert (first["model"], first["score"], first["ci"], first["ci_low"], first["votes"], first["model_url"]) == (
        "minimax-h3",
        1497,
        6,
        6,
        36137,
        None,
    )


def test_manifest_names_every_file_truthfully():
    rows = manifest()
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 131 and len({r["file"][:10] for r in rows}) == 45
    assert Counter(r["capture"] for r in rows) == {"byte-exact": 113, "transcribed": 18}
    for row in rows:
        body = (ARENA / row["file"]).read_bytes()
        assert hashlib.sha256(body).hexdigest() == row["sha256"], row["file"]
        assert row["url"] == f"https://raw.githubusercontent.com/{row['repository']}/{row['commit']}/{row['path']}"
        assert row["path"] == f"data/{row['file']}"
        meta = json.loads(body)["meta"]
        assert (meta["leaderboard"], meta["source_url"]) == (row["label"], row["upstream_url"])
        assert row["fetched_at"][:10] == row["file"][:10]
        # transcribed files exist only after the last byte-exact copy (2026-08-22)
        assert (row["capture"] == "transcribed") == (row["file"][:10] > "2026-08-22")
    repos = Counter((r["repository"], r["file"][:10] <= "2026-04-19") for r in rows)
    assert repos == {("oolong-tea-2026/arena-ai-leaderboards", True): 96, ("aabao325/arena-ai-leaderboards", False): 35}


def test_transcription_method_reproduces_the_byte_exact_files():
    """json.dumps(indent=2) of a byte-exact file gives its bytes back, and every transcribed file is
    in exactly that form: nothing was lost or reformatted by transcribing."""
    for row in manifest():
        body = (ARENA / row["file"]).read_bytes()
        canonical = json.dumps(json.loads(body), indent=2, ensure_ascii=False).encode()
        if row["capture"] == "transcribed" or row["file"][:10] in ("2026-07-26", "2026-08-22"):
            assert canonical == body, row["file"]


@pytest.mark.parametrize(
    ("older", "newer", "name"),
    [
        ("2026-09-05", "2026-09-12", "image-to-video"),  # LLM shape vs deterministic shape, same board state
        ("2026-09-26", "2026-10-10", "text-to-video"),
        ("2026-09-12", "2026-09-19", "text-to-video"),
    ],
)
def test_transcribed_files_of_one_board_state_agree(older, newer, name):
    def values(day):
        return [(r["rank"], r["model"], r["vendor"], r["votes"], r["score"], r["ci"]) for r in board(day, name)]

    assert values(older) == values(newer)


def test_curated_transcription_agrees_with_the_raw_files_on_every_overlapping_row():
    with (CURATED_DIR / "arena_history.csv").open(newline="", encoding="utf-8") as handle:
        curated = list(csv.DictReader(handle))
    compared = 0
    for (day, name), rows in _group(curated).items():
        raw = {r["model"]: r for r in board(day, name)}
        assert len(raw) == len(rows), (day, name)
        for row in rows:
            file_row = raw[row["model"]]
            assert (int(row["rank"]), int(row["score"]), row["vendor"] or None) == (
                file_row["rank"],
                file_row["score"],
                file_row["vendor"],
            ), (day, name, row["model"])
            assert _int(row["ci_low"]) == file_row["ci_low"] and _int(row["votes"]) == file_row["votes"]
            compared += 1
    assert compared == len(curated) == 2980


def _group(rows):
    out: dict = {}
    for row in rows:
        out.setdefault((row["snapshot_date"], row["board"]), []).append(row)
    return out


def _int(text):
    return int(text) if text else None
