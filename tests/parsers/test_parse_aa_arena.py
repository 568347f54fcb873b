"""Artificial Analysis video arena parser on the real mirror files behind aa_history.csv (read from
../shared/data/reference, never copied): every record equals the curated transcription of the same
board and day; the gated 2026-05-15 boards and other input it does not understand are refused."""

from __future__ import annotations

import csv
import json

import pytest

from tests.support import PROJECT_ROOT, RECORDINGS
from videorace_scrapers.parsers import ParseError, get_parser
from videorace_scrapers.parsers.aa_arena import CLI_FIELDS, parse

DAYS = ("2026-04-10", "2026-04-24", "2026-05-14", "2026-08-01")
BOARDS = ("text-to-video", "image-to-video")
CURATED = PROJECT_ROOT / "warehouse" / "seeds" / "curated" / "aa_history.csv"


def ref(day: str, board: str) -> bytes:
    return (RECORDINGS / "aa_arena" / day / f"{board}.json").read_bytes()


def by_rank(records: list[dict]) -> dict:
    return {r["rank"]: r for r in records if r["rank"] is not None}


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("board", BOARDS)
def test_every_reference_file_matches_the_curated_rows(day, board):
    records = parse(ref(day, board), where=f"{day}/{board}.json")
    curated = [
        row
        for row in csv.DictReader(CURATED.open(encoding="utf-8"))
        if row["board"] == board and row["snapshot_date"] == day
    ]
    assert len(records) == len(curated) == json.loads(ref(day, board))["meta"]["model_count"]
    for got, want in zip(records, curated, strict=True):
        assert (
            got["board"],
            got["snapshot_date"],
            str(got["rank"] or ""),
            got["model"],
            got["slug"],
            got["creator"],
            (got["creator_country"] or "").upper(),
            got["release_date"] or "",
            got["elo"],
            got["ci95"],
            str(got["appearances"]),
            got["open_weights_url"] or "",
            got["upstream_url"],
        ) == (
            want["board"],
            want["snapshot_date"],
            want["rank"],
            want["model"],
            want["slug"],
            want["creator"],
            want["creator_country"],
            want["release_date"],
            float(want["elo"]),
            want["ci95"],
            want["appearances"],
            want["open_weights_url"],
            want["source_url"],
        )
        assert got["api_source"] == {"public_json": "public_json", "aa_v2_api": "v2_api"}[want["api_source"]]


def test_image_to_video_2026_04_10_exact_values():
    records = parse(ref("2026-04-10", "image-to-video"), where="i2v")
    top = records[0]
    assert {
        k: top[k]
        for k in (
            "board",
            "snapshot_date",
            "upstream_fetched_at",
            "rank",
            "model",
            "slug",
            "creator",
            "creator_country",
            "elo",
            "ci95",
            "ci_minus",
            "ci_plus",
            "appearances",
            "wins",
            "release_date",
            "api_source",
        )
    } == {
        "board": "image-to-video",
        "snapshot_date": "2026-04-10",
        "upstream_fetched_at": "2026-04-10T06:58:38.824994+00:00",
        "rank": 1,
        "model": "HappyHorse-1.0",
        "slug": "happyhorse-1-0",
        "creator": "Alibaba-ATH",
        "creator_country": "cn",
        "elo": 1415.42,
        "ci95": "-6/+6",
        "ci_minus": 6.0,
        "ci_plus": 6.0,
        "appearances": 13041,
        "wins": 9227,
        "release_date": "2026-04-07",
        "api_source": "public_json",
    }
    assert (by_rank(records)[3]["model"], by_rank(records)[3]["creator_country"]) == ("grok-imagine-video", "us")
    # AA leaves superseded entries unranked: they stay, with rank NULL
    genflare = next(r for r in records if r["model"] == "GenFlare 2.0")
    assert (genflare["rank"], genflare["elo"], genflare["is_current"]) == (None, 1323.6, False)
    assert sum(r["rank"] is None for r in records) == 10


def test_text_to_video_2026_05_14_top_three():
    top = by_rank(parse(ref("2026-05-14", "text-to-video"), where="t2v"))
    assert [(top[i]["model"], top[i]["elo"]) for i in (1, 2, 3)] == [
        ("HappyHorse-1.0", 1354.33),
        ("Dreamina Seedance 2.0 720p", 1273.18),
        ("Kling 3.0 1080p (Pro)", 1249.68),
    ]


def test_v2_api_file_has_integer_elo_and_no_country():
    records = parse(ref("2026-08-01", "text-to-video"), where="v2")
    top = records[0]
    assert (top["model"], top["creator"], top["elo"], top["ci95"], top["appearances"], top["api_source"]) == (
        "Gemini Omni Flash",
        "Google",
        1323.0,
        "-10/+10",
        4766,
        "v2_api",
    )
    assert all(r["creator_country"] is None and r["release_date"] is None for r in records)
    assert parse(ref("2026-08-01", "image-to-video"), where="v2")[0]["elo"] == 1370.0


@pytest.mark.parametrize("board", BOARDS)
def test_gated_empty_board_of_2026_05_15_is_refused(board):
    with pytest.raises(ParseError) as err:
        parse(ref("2026-05-15", board), where=f"2026-05-15/{board}.json")
    assert err.value.source == "aa_arena" and err.value.where == f"2026-05-15/{board}.json"
    assert "empty" in str(err.value) and board in str(err.value)


def test_native_v2_and_public_shapes_take_board_and_day_from_options():
    # AA's own responses: v2 {"data": [...]} with model_creator, public a bare list; rows from a real file
    rows = json.loads(ref("2026-08-01", "image-to-video"))["models"]
    v2_rows = [{**{k: v for k, v in r.items() if k != "creator"}, "model_creator": r["creator"]} for r in rows]
    v2 = parse(
        json.dumps({"data": v2_rows}).encode(), where="v2", board="image-to-video", fetched_at="2026-08-02T05:13:00Z"
    )
    assert len(v2) == 83
    assert (
        v2[0]["board"],
        v2[0]["snapshot_date"],
        v2[0]["upstream_fetched_at"],
        v2[0]["creator"],
        v2[0]["api_source"],
    ) == ("image-to-video", "2026-08-02", None, "Google", "v2_api")
    public_rows = json.loads(ref("2026-04-10", "text-to-video"))["models"]
    public = parse(
        json.dumps(public_rows).encode(), where="public", board="text-to-video", fetched_at="2026-04-10T07:00:00Z"
    )
    assert (public[0]["model"], public[0]["elo"], public[0]["api_source"]) == ("HappyHorse-1.0", 1388.55, "public_json")
    with pytest.raises(ParseError, match="no board"):
        parse(json.dumps({"data": v2_rows}).encode(), where="v2", fetched_at="2026-08-02T05:13:00Z")
    with pytest.raises(ParseError, match="no snapshot date"):
        parse(json.dumps(public_rows).encode(), where="public", board="text-to-video")


def test_a_file_fetched_under_the_other_board_is_refused():
    with pytest.raises(ParseError, match="'text-to-video' board but was fetched as 'image-to-video'"):
        parse(ref("2026-04-10", "text-to-video"), where="x", board="image-to-video")


def _with(doc: dict, **meta) -> bytes:
    return json.dumps({**doc, "meta": {**doc["meta"], **meta}}).encode()


def test_input_it_does_not_understand_is_refused():
    body = ref("2026-04-24", "text-to-video")
    doc = json.loads(body)
    first = doc["models"][0]
    cases = {
        b"<!DOCTYPE html><html><title>Just a moment...</title><div id='cf-challenge'></div></html>": "challenge",
        body[:5000]: "invalid JSON",
        b"": "empty body",
        b'{"error": "User key is required"}': "User key is required",
        b'{"leaderboard": []}': "unknown object shape",
        _with(doc, gated=True): "gated",
        _with(doc, source_type="last_known_snapshot"): "source_type",
        _with(doc, endpoint="video-edit"): "unknown board",
        _with(doc, fetched_at="yesterday"): "YYYY-MM-DD",
        json.dumps({**doc, "models": [{k: v for k, v in first.items() if k != "elo"}]}).encode(): "lacks elo",
        json.dumps({**doc, "models": [{**first, "elo": "high"}]}).encode(): "is not a number",
        json.dumps({**doc, "models": [{**first, "ci95": "6"}]}).encode(): "ci95",
        json.dumps({**doc, "models": [{**first, "creator": None}]}).encode(): "no creator",
        json.dumps({**doc, "models": [{**first, "rank": 0}]}).encode(): "not positive",
        json.dumps({"meta": doc["meta"]}).encode(): "no 'models' list",
    }
    for bad, reason in cases.items():
        with pytest.raises(ParseError) as err:
            parse(bad, where="snapshot x.json")
        assert reason in str(err.value), (reason, str(err.value))
        assert str(err.value).startswith("aa_arena: cannot parse snapshot x.json: ")


def test_registered_for_the_cli():
    assert get_parser("aa_arena").parse is parse
    assert CLI_FIELDS == ("board", "rank", "model", "creator", "elo", "ci95", "appearances")
