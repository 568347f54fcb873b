"""Artificial Analysis recordings: every date parses to exact values, the real v2 ci95 spellings
are read, the gated empty board is refused and recorded as a reject with nothing loaded."""

from __future__ import annotations

import csv
import hashlib

import duckdb
import pytest

from pipelines.loading import load_source
from pipelines.warehouse import ensure_base_tables
from tests.support import RECORDINGS
from videorace_scrapers.parsers import ParseError
from videorace_scrapers.parsers.aa_arena import parse
from videorace_scrapers.snapshots import Snapshot

FOLDER = RECORDINGS / "aa_arena"


def rows_of(name: str) -> list[dict]:
    with (FOLDER / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def records(file: str, board: str, fetched_at: str = "2026-01-01") -> list[dict]:
    return parse((FOLDER / file).read_bytes(), where=file, board=board, fetched_at=fetched_at)


def test_public_json_2026_05_14_text_to_video():
    first = records("2026-05-14/text-to-video.json", "text-to-video")[0]
    assert (first["model"], first["creator"], first["creator_country"], first["elo"], first["ci95"]) == (
        "HappyHorse-1.0",
        "Alibaba-ATH",
        "cn",
        1354.33,
        "-10/+10",
    )
    assert (first["api_source"], first["snapshot_date"]) == ("public_json", "2026-05-14")


def test_v2_api_file_2026_08_01_and_its_scale_label():
    rows = records("2026-08-01/text-to-video.json", "text-to-video")
    assert len(rows) == 88
    assert (rows[0]["model"], rows[0]["elo"], rows[0]["ci_minus"], rows[0]["ci_plus"], rows[0]["api_source"]) == (
        "Gemini Omni Flash",
        1323.0,
        10.0,
        10.0,
        "v2_api",
    )
    assert rows[0]["creator_country"] is None


def test_real_v2_sample_with_ci95_without_plus_sign():
    fixture = next(r for r in rows_of("fixtures.csv") if r["file"].startswith("v2_samples/"))
    rows = records(fixture["file"], fixture["label"], fixture["fetched_at"])
    assert [
        (r["model"], r["creator"], r["elo"], r["ci95"], r["ci_minus"], r["ci_plus"], r["appearances"]) for r in rows[:2]
    ] == [
        ("GPT Image 2 (high)", "OpenAI", 1178.0, "-10/10", 10.0, 10.0, 14585),
        ("MAI-Image-2.6", "Microsoft AI", 1149.0, "-12/12", 12.0, 12.0, 6351),
    ]
    assert {r["api_source"] for r in rows} == {"v2_api"} and rows[0]["board"] == "text-to-image"


def test_manifests_are_truthful():
    replayed, fixtures = rows_of("manifest.csv"), rows_of("fixtures.csv")
    assert sorted({r["file"][:10] for r in replayed}) == ["2026-04-10", "2026-04-24", "2026-05-14", "2026-08-01"]
    assert [r["file"] for r in fixtures][:2] == ["2026-05-15/image-to-video.json", "2026-05-15/text-to-video.json"]
    for row in replayed + fixtures:
        assert hashlib.sha256((FOLDER / row["file"]).read_bytes()).hexdigest() == row["sha256"]
        assert row["url"] == f"https://raw.githubusercontent.com/{row['repository']}/{row['commit']}/{row['path']}"
    assert {r["capture"] for r in replayed} == {"byte-exact"}


def test_gated_empty_board_is_refused_recorded_and_nothing_loads(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_base_tables(con)
    snaps = [
        Snapshot(
            sha256=r["sha256"],
            source="aa_arena",
            url=r["url"],
            fetched_at=r["fetched_at"],
            mode="replay",
            path=str(FOLDER / r["file"]),
            bytes=0,
            label=r["label"],
        )
        for r in rows_of("fixtures.csv")
        if r["file"].startswith("2026-05-15/")
    ]
    with pytest.raises(ParseError) as err:
        load_source(
            con,
            "aa_arena",
            "raw_leaderboards__aa_arena",
            snaps,
            lambda s: {"board": s.label, "fetched_at": s.fetched_at},
        )
    assert str(err.value).startswith("aa_arena: cannot parse 2 snapshots: ")
    assert "the board is empty" in str(err.value)
    assert con.execute("SELECT count(*) FROM raw.raw_leaderboards__aa_arena").fetchall() == [(0,)]
    assert sorted(r[0] for r in con.execute("SELECT sha256 FROM raw.snapshot_rejects").fetchall()) == sorted(
        s.sha256 for s in snaps
    )


def test_fetched_board_days_replace_the_curated_rows_and_agree_with_them(warehouse_con):
    by_source = warehouse_con.execute("""
        SELECT snapshot_date::VARCHAR, count(curated_file), elo_scale, count(*), count(DISTINCT snapshot_sha256)
        FROM marts.fct_leaderboard_entries_aa GROUP BY 1, 3 ORDER BY 1""").fetchall()
    assert by_source == [
        ("2026-04-10", 0, "public_json", 154, 2),
        ("2026-04-24", 0, "public_json", 154, 2),
        ("2026-05-14", 0, "public_json", 155, 2),
        ("2026-08-01", 0, "aa_v2_api", 171, 2),
    ]
    # the curated transcription (aa_history.csv) says the same as the byte-exact files
    differ = warehouse_con.execute("""
        SELECT count(*) FROM raw.raw_curated__aa_history AS c
        JOIN marts.fct_leaderboard_entries_aa AS f
          ON f.board = c.board AND f.snapshot_date = CAST(c.snapshot_date AS DATE) AND f.slug = c.slug
        WHERE f.score <> CAST(c.elo AS DOUBLE) OR f.ci95 <> c.ci95""").fetchall()
    assert differ == [(0,)]
