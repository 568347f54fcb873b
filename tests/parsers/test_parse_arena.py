"""The arena parser on real mirror files: exact values, nulls kept null, clear errors."""

from __future__ import annotations

import pytest

from tests.support import RECORDINGS
from videorace_scrapers.parsers import ParseError
from videorace_scrapers.parsers.arena import parse


def test_2026_04_19_text_to_video_first_place_is_seedance():
    path = RECORDINGS / "arena" / "2026-04-19" / "text-to-video.json"
    records = parse(path.read_bytes(), where=str(path))
    first = records[0]
    assert (first["board"], first["rank"], first["model"]) == ("text-to-video", 1, "dreamina-seedance-2.0-720p")
    assert (first["score"], first["ci"], first["votes"]) == (1460, 11, 6836)
    assert first["snapshot_date"] == "2026-04-19"
    assert len(records) == 39


def test_missing_licence_stays_null_in_recording():
    path = RECORDINGS / "arena" / "2026-07-12" / "text-to-video.json"
    records = {r["model"]: r for r in parse(path.read_bytes(), where=str(path))}
    assert records["gemini-omni-flash"]["score"] == 1527
    assert records["gemini-omni-flash"]["ci"] == 13
    assert records["gemini-omni-flash"]["votes"] == 5449
    assert records["hunyuan-video-1.5"]["license"] is None
    assert records["ltx-2-19b"]["license"] is None
    assert records["dreamina-seedance-2.0-720p"]["vendor"] == "Bytedance"


def test_late_july_shape_with_ci_low_high():
    path = RECORDINGS / "arena" / "2026-07-26" / "text-to-video.json"
    first = parse(path.read_bytes(), where=str(path))[0]
    assert (first["model"], first["score"], first["ci_low"], first["ci_high"], first["ci"]) == (
        "gemini-omni-flash",
        1527,
        13,
        13,
        13,
    )
    assert first["preliminary"] is True
    assert (first["rank_spread_low"], first["rank_spread_high"]) == (1, 1)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty body"),
        (b"<html><head><title>Just a moment...</title></head><body>cf-challenge</body></html>", "challenge"),
        (
            b'{"meta": {"leaderboard": "text-to-video", "fetched_at": "2026-04-19T00:00:00Z"}, "models": [{"rank": 1',
            "invalid JSON",
        ),
        (b'{"meta": {"leaderboard": "text-to-video", "fetched_at": "2026-04-19T00:00:00Z"}, "models": []}', "empty"),
        (b'{"leaderboard": []}', "meta"),
        (
            b'{"meta": {"leaderboard": "text-to-video", "fetched_at": "x"}, "models": [{"rank": 1, "model": "m"}]}',
            "no score",
        ),
    ],
)
def test_input_it_does_not_understand_fails_naming_source_and_snapshot(body, reason):
    with pytest.raises(ParseError) as err:
        parse(body, where="snapshot var/x.json")
    assert "arena" in str(err.value) and "snapshot var/x.json" in str(err.value)
    assert reason in str(err.value)
