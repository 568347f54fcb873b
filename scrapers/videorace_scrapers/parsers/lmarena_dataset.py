"""arena.ai (LMArena) official leaderboard dataset, video subsets, as JSON.

The dataset `lmarena-ai/leaderboard-dataset` (Hugging Face, parquet) is converted to JSON daily by
a community repository: ``{"meta": {subset, source_url, fetched_at, leaderboard_publish_date,
n_rows, ...}, "rows": [{category, rank, model_name, organization, license, rating, rating_lower,
rating_upper, variance, vote_count}]}``. Ratings keep their full precision (floats as written).
The subset names the board with underscores (``text_to_video``); the record carries the board as
the community mirror spells it (``text-to-video``) so both sources meet on one board name.
An empty ``organization`` means the dataset names none: it stays NULL.
"""

from __future__ import annotations

from datetime import date

from ..registry import boards
from .base import ParseError, as_float, as_int, clean_label, load_json, require

SOURCE = "lmarena_dataset"
DESCRIPTION = "arena.ai official leaderboard dataset (video subsets, JSON mirror): one record per model per subset"
CLI_FIELDS = (
    "board",
    "rank",
    "model",
    "organization",
    "rating",
    "rating_lower",
    "rating_upper",
    "vote_count",
    "leaderboard_publish_date",
)
SUBSETS = boards(SOURCE)  # subset -> board: warehouse/seeds/source_boards.csv


def parse(body: bytes, *, where: str = "<input>") -> list[dict]:
    doc = load_json(body, SOURCE, where)
    require(isinstance(doc, dict), SOURCE, where, "top level is not an object")
    meta, rows = doc.get("meta"), doc.get("rows")
    require(isinstance(meta, dict), SOURCE, where, "no 'meta' object")
    require(isinstance(rows, list), SOURCE, where, "no 'rows' list")
    subset = clean_label(meta.get("subset"))
    require(subset in SUBSETS, SOURCE, where, f"meta.subset={subset!r} is not one of {', '.join(SUBSETS)}")
    require(len(rows) > 0, SOURCE, where, f"{subset}: 'rows' is empty; not loaded as zero rows")
    n_rows = as_int(meta.get("n_rows"), SOURCE, where, "meta.n_rows")
    # a cut-off file still parses as JSON only if cut between rows: the stated count catches it
    require(
        n_rows is None or n_rows == len(rows),
        SOURCE,
        where,
        f"meta.n_rows={n_rows} but the file holds {len(rows)} rows (truncated or edited)",
    )
    fetched_at = clean_label(meta.get("fetched_at"))
    published = clean_label(meta.get("leaderboard_publish_date"))
    snapshot_date = _day(fetched_at, "meta.fetched_at", where)
    _day(published, "meta.leaderboard_publish_date", where)
    return [_record(row, i, subset, meta, snapshot_date, fetched_at, published, where) for i, row in enumerate(rows)]


def _day(text: str | None, field: str, where: str) -> str:
    require(text is not None, SOURCE, where, f"{field} is missing")
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ParseError(SOURCE, where, f"{field}={text!r} does not start with a YYYY-MM-DD date") from None


def _record(
    row, index: int, subset: str, meta: dict, snapshot_date: str, fetched_at: str, published: str, where: str
) -> dict:
    at = f"rows[{index}]"
    require(isinstance(row, dict), SOURCE, where, f"{at} is not an object")
    model = clean_label(row.get("model_name"))
    require(model is not None, SOURCE, where, f"{at} has no model_name")
    at = f"{at} ({model})"
    rating = as_float(row.get("rating"), SOURCE, where, f"{at}.rating")
    require(rating is not None, SOURCE, where, f"{at} has no rating")
    lower = as_float(row.get("rating_lower"), SOURCE, where, f"{at}.rating_lower")
    upper = as_float(row.get("rating_upper"), SOURCE, where, f"{at}.rating_upper")
    require(
        lower is None or upper is None or lower <= rating <= upper,
        SOURCE,
        where,
        f"{at}: rating {rating} lies outside its bounds [{lower}, {upper}]",
    )
    rank = as_int(row.get("rank"), SOURCE, where, f"{at}.rank")
    require(rank is not None and rank > 0, SOURCE, where, f"{at} has no valid rank")
    return {
        "board": SUBSETS[subset],
        "subset": subset,
        "category": clean_label(row.get("category")),
        "rank": rank,
        "model": model,
        "organization": clean_label(row.get("organization")),
        "license": clean_label(row.get("license")),
        "rating": rating,
        "rating_lower": lower,
        "rating_upper": upper,
        "variance": as_float(row.get("variance"), SOURCE, where, f"{at}.variance"),
        "vote_count": as_int(row.get("vote_count"), SOURCE, where, f"{at}.vote_count"),
        "leaderboard_publish_date": published,
        "upstream_url": clean_label(meta.get("source_url")),
        "upstream_fetched_at": fetched_at,
        "snapshot_date": snapshot_date,
    }
