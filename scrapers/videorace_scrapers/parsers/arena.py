"""arena.ai video leaderboards, as published by the community daily mirror.

Two real shapes occur: until June 2026 each entry has a symmetric ``ci``; from late July 2026
entries carry ``ci_low``/``ci_high``, ``rank_spread``, ``preliminary`` and ``model_url``.
``vendor``, ``license`` and the CI can be null: they stay null.
"""

from __future__ import annotations

from ..registry import boards
from .base import ParseError, as_int, clean_label, load_json, require

SOURCE = "arena"
DESCRIPTION = "arena.ai video boards (daily JSON mirror): one record per leaderboard entry"
CLI_FIELDS = ("board", "rank", "model", "vendor", "license", "score", "ci", "votes")
BOARDS = tuple(boards(SOURCE))  # warehouse/seeds/source_boards.csv


def parse(body: bytes, *, where: str = "<input>") -> list[dict]:
    doc = load_json(body, SOURCE, where)
    require(isinstance(doc, dict), SOURCE, where, "top level is not an object")
    meta, models = doc.get("meta"), doc.get("models")
    require(isinstance(meta, dict), SOURCE, where, "no 'meta' object")
    require(isinstance(models, list), SOURCE, where, "no 'models' list")
    require(len(models) > 0, SOURCE, where, "'models' is empty (a gated or failed board?)")
    board = clean_label(meta.get("leaderboard"))
    require(board is not None, SOURCE, where, "meta.leaderboard is missing")
    fetched_at = clean_label(meta.get("fetched_at"))
    require(fetched_at is not None, SOURCE, where, "meta.fetched_at is missing")

    records = []
    for index, entry in enumerate(models):
        require(isinstance(entry, dict), SOURCE, where, f"models[{index}] is not an object")
        model = clean_label(entry.get("model"))
        require(model is not None, SOURCE, where, f"models[{index}] has no model name")
        score = as_int(entry.get("score"), SOURCE, where, f"models[{index}].score")
        rank = as_int(entry.get("rank"), SOURCE, where, f"models[{index}].rank")
        require(score is not None, SOURCE, where, f"models[{index}] ({model}) has no score")
        require(rank is not None and rank > 0, SOURCE, where, f"models[{index}] ({model}) has no valid rank")
        ci = as_int(entry.get("ci"), SOURCE, where, f"models[{index}].ci")
        ci_low = as_int(entry.get("ci_low"), SOURCE, where, f"models[{index}].ci_low")
        ci_high = as_int(entry.get("ci_high"), SOURCE, where, f"models[{index}].ci_high")
        if ci is not None and ci_low is None and ci_high is None:
            ci_low = ci_high = ci
        if ci is None and ci_low is not None and ci_low == ci_high:
            ci = ci_low
        spread = entry.get("rank_spread")
        records.append(
            {
                "board": board,
                "rank": rank,
                "model": model,
                "vendor": clean_label(entry.get("vendor")),
                "license": clean_label(entry.get("license")),
                "score": score,
                "ci": ci,
                "ci_low": ci_low,
                "ci_high": ci_high,
                "votes": as_int(entry.get("votes"), SOURCE, where, f"models[{index}].votes"),
                "preliminary": entry.get("preliminary") if isinstance(entry.get("preliminary"), bool) else None,
                "rank_spread_low": as_int(spread[0], SOURCE, where, "rank_spread")
                if isinstance(spread, list) and spread
                else None,
                "rank_spread_high": as_int(spread[-1], SOURCE, where, "rank_spread")
                if isinstance(spread, list) and spread
                else None,
                "model_url": clean_label(entry.get("model_url")),
                "board_last_updated": clean_label(meta.get("last_updated")),
                "upstream_url": clean_label(meta.get("source_url")),
                "upstream_fetched_at": fetched_at,
                "snapshot_date": fetched_at[:10],
            }
        )
    if board not in BOARDS:
        raise ParseError(SOURCE, where, f"unknown board {board!r} (expected one of {', '.join(BOARDS)})")
    return records
