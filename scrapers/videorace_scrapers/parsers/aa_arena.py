"""Artificial Analysis (AA) video arena: text-to-video and image-to-video Elo leaderboards.

Three real shapes reach this parser:

- the daily mirror's envelope ``{"meta": {...}, "models": [...]}`` (the files behind
  aa_history.csv): ``meta.endpoint`` names the board, ``meta.fetched_at`` the time, and
  ``meta.source_type`` the API (``public_json`` until 2026-05-14, ``aa_v2_api`` on 2026-08-01);
- AA's v2 data API ``{"data": [...]}`` (``/api/v2/data/media/<board>``, key required), whose rows
  name the creator ``model_creator`` and carry no country;
- AA's public arena-preferences JSON as a bare list of the same rows as the mirror's ``models``.

Raw AA responses name neither the board nor a date, so those come from the ``board`` (the spider's
label) and ``fetched_at`` (the snapshot's retrieval time) options. An empty board is how AA's gated
endpoint answered from 2026-05-15 on: it is refused, never loaded as zero rows. Labels stay as AA
writes them (creator country lower-case ``cn``); staging maps them. The two APIs' Elo values are on
different scales, so ``api_source`` travels with every record.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..registry import boards
from .base import ParseError, as_float, as_int, clean_label, load_json, require

SOURCE = "aa_arena"
DESCRIPTION = "Artificial Analysis video arena (public JSON or v2 API): one record per model per board"
CLI_FIELDS = ("board", "rank", "model", "creator", "elo", "ci95", "appearances")
# AA's media endpoints share one row shape; the pipeline fetches and stages the two video boards only,
# text-to-image is accepted so that the one real v2 sample (a text-to-image response) can be read
# (warehouse/seeds/source_boards.csv: its row is fetched=false).
BOARDS = tuple(boards(SOURCE))
# the mirror's meta.source_type -> our api_source
SOURCE_TYPES = {"public_json": "public_json", "aa_v2_api": "v2_api"}
# both real spellings: "-11/+11" (public JSON, the mirror's v2 file) and "-10/10" (a raw v2 response)
_CI95 = re.compile(r"^-(\d+(?:\.\d+)?)/\+?(\d+(?:\.\d+)?)$")
_ROW_KEYS = ("name", "slug", "elo", "rank", "ci95", "appearances")


def parse(
    body: bytes, *, where: str = "<input>", board: str | None = None, fetched_at: str | None = None
) -> list[dict]:
    doc = load_json(body, SOURCE, where)
    meta, rows, api_source = _unwrap(doc, where)
    board = _board(meta, board, where)
    upstream_fetched_at = clean_label(meta.get("fetched_at"))
    snapshot_date = _day(upstream_fetched_at or clean_label(fetched_at), where)
    require(
        len(rows) > 0,
        SOURCE,
        where,
        f"{board}: the board is empty (no models): AA gated or emptied the endpoint; not loaded as zero rows",
    )
    return [
        _record(row, index, board, snapshot_date, upstream_fetched_at, api_source, meta, where)
        for index, row in enumerate(rows)
    ]


def _unwrap(doc: Any, where: str) -> tuple[dict, list, str]:
    """(meta, rows, api_source) for the three shapes; anything else is refused."""
    if isinstance(doc, list):
        return {}, doc, "public_json"
    require(isinstance(doc, dict), SOURCE, where, "top level is neither an object nor a list")
    if "error" in doc or ("message" in doc and "data" not in doc):
        reason = clean_label(doc.get("error") or doc.get("message"))
        raise ParseError(SOURCE, where, f"AA answered with an error instead of a board: {reason!r}")
    if "meta" in doc:
        meta, rows = doc.get("meta"), doc.get("models")
        require(isinstance(meta, dict), SOURCE, where, "'meta' is not an object")
        require(isinstance(rows, list), SOURCE, where, "no 'models' list beside 'meta'")
        require(
            meta.get("gated") is not True,
            SOURCE,
            where,
            "meta.gated is true: a last-known copy of an older board, not this day's",
        )
        source_type = clean_label(meta.get("source_type"))
        require(
            source_type in SOURCE_TYPES,
            SOURCE,
            where,
            f"meta.source_type={source_type!r} is not one of {', '.join(SOURCE_TYPES)}",
        )
        return meta, rows, SOURCE_TYPES[source_type]
    if "data" in doc:
        require(isinstance(doc["data"], list), SOURCE, where, "'data' is not a list")
        return {}, doc["data"], "v2_api"
    raise ParseError(
        SOURCE,
        where,
        f"unknown object shape (keys: {', '.join(sorted(doc)[:8])}); "
        "expected 'meta'+'models', 'data', or a list of models",
    )


def _board(meta: dict, given: str | None, where: str) -> str:
    named = clean_label(meta.get("endpoint"))
    given = clean_label(given)
    if named and given and named != given:
        raise ParseError(SOURCE, where, f"the file is the {named!r} board but was fetched as {given!r}")
    board = named or given
    require(board is not None, SOURCE, where, "no board: meta.endpoint is missing and no board label was given")
    require(board in BOARDS, SOURCE, where, f"unknown board {board!r} (expected one of {', '.join(BOARDS)})")
    return board


def _day(timestamp: str | None, where: str) -> str:
    require(
        timestamp is not None, SOURCE, where, "no snapshot date: meta.fetched_at is missing and no fetched_at was given"
    )
    try:
        return date.fromisoformat(timestamp[:10]).isoformat()
    except ValueError:
        raise ParseError(SOURCE, where, f"fetched_at={timestamp!r} does not start with a YYYY-MM-DD date") from None


def _record(
    row: Any,
    index: int,
    board: str,
    snapshot_date: str,
    upstream_fetched_at: str | None,
    api_source: str,
    meta: dict,
    where: str,
) -> dict:
    at = f"models[{index}]"
    require(isinstance(row, dict), SOURCE, where, f"{at} is not an object")
    missing = [key for key in _ROW_KEYS if key not in row]
    require(not missing, SOURCE, where, f"{at} lacks {', '.join(missing)}")
    model, slug = clean_label(row.get("name")), clean_label(row.get("slug"))
    require(model is not None and slug is not None, SOURCE, where, f"{at} has no name or slug")
    at = f"{at} ({model})"
    creator = row.get("creator") if "creator" in row else row.get("model_creator")
    require(
        isinstance(creator, dict) and clean_label(creator.get("name")) is not None,
        SOURCE,
        where,
        f"{at} has no creator name",
    )
    elo = as_float(row.get("elo"), SOURCE, where, f"{at}.elo")
    require(elo is not None, SOURCE, where, f"{at} has no elo")
    rank = as_int(row.get("rank"), SOURCE, where, f"{at}.rank")
    require(rank is None or rank > 0, SOURCE, where, f"{at}.rank={rank} is not positive")
    ci95 = clean_label(row.get("ci95"))
    bounds = _CI95.match(ci95) if ci95 else None
    require(ci95 is None or bounds is not None, SOURCE, where, f"{at}.ci95={ci95!r} is not like '-6/+6' or '-6/6'")
    return {
        "board": board,
        "snapshot_date": snapshot_date,
        "upstream_fetched_at": upstream_fetched_at,
        "rank": rank,
        "model": model,
        "slug": slug,
        "model_id": clean_label(row.get("id")),
        "creator": clean_label(creator.get("name")),
        "creator_id": clean_label(creator.get("id")),
        "creator_country": clean_label(creator.get("country")),
        "elo": elo,
        "ci95": ci95,
        "ci_minus": float(bounds.group(1)) if bounds else None,
        "ci_plus": float(bounds.group(2)) if bounds else None,
        "appearances": as_int(row.get("appearances"), SOURCE, where, f"{at}.appearances"),
        "wins": as_int(row.get("wins"), SOURCE, where, f"{at}.wins"),
        "win_rate": as_float(row.get("win_rate"), SOURCE, where, f"{at}.win_rate"),
        "release_date": clean_label(row.get("release_date")),
        "open_weights_url": clean_label(row.get("open_weights_url")),
        "is_current": row.get("is_current") if isinstance(row.get("is_current"), bool) else None,
        "api_source": api_source,
        "upstream_url": clean_label(meta.get("source_url")),
    }
