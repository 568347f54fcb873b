"""OpenRouter usage and catalogue CSVs as collected by ``sui414/openrouter-pricing-data``.

Two layouts, recognised from the header (any other header is refused):

- the daily **token panel** (``data/csv/model_rankings.csv``, from OpenRouter's
  ``/api/frontend/v1/rankings/models``): ``date,model_permaslug,variant,total_prompt_tokens,...``,
  one row per day, model and variant. These are **LLM tokens**, not video.
- the **catalogue** (``data/csv/models/date=YYYY-MM-DD.csv``, from ``/api/v1/models``):
  ``scrape_date,scraped_at,id,model_slug,variant,permaslug,...``, one row per public model.

One record per row with ``record_kind`` (``token_panel`` or ``catalogue``); the fields the other
layout has stay null. Token counts are integers (an empty cell is null, never zero).
"""

from __future__ import annotations

import csv
import io
from datetime import date

from .base import ParseError, as_float, as_int, clean_label, decode_text, require

SOURCE = "openrouter_rankings"
DESCRIPTION = "OpenRouter LLM token panel or model catalogue CSV (sui414 collector): one record per row"
CLI_FIELDS = ("record_kind", "date", "model_permaslug", "variant", "prompt_tokens", "completion_tokens", "author")
PANEL = (
    "date",
    "model_permaslug",
    "variant",
    "total_prompt_tokens",
    "total_completion_tokens",
    "total_native_tokens_reasoning",
    "total_native_tokens_cached",
    "request_count",
)
CATALOGUE = (
    "scrape_date",
    "scraped_at",
    "id",
    "model_slug",
    "variant",
    "permaslug",
    "name",
    "author",
    "created_at",
    "modality",
    "prompt_price",
    "completion_price",
)
FIELDS = (
    "record_kind",
    "date",
    "model_permaslug",
    "variant",
    "prompt_tokens",
    "completion_tokens",
    "reasoning_tokens",
    "cached_tokens",
    "request_count",
    "model_id",
    "model_slug",
    "model_name",
    "author",
    "created_at",
    "modality",
    "prompt_usd_per_token",
    "completion_usd_per_token",
)


def _day(value: str, where: str, line: int) -> str:
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise ParseError(SOURCE, where, f"line {line}: {value!r} is not a date (YYYY-MM-DD)") from None


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    rows = list(csv.DictReader(io.StringIO(text)))
    header = list(rows[0].keys()) if rows else []
    if all(c in header for c in PANEL):
        kind = "token_panel"
    elif all(c in header for c in CATALOGUE):
        kind = "catalogue"
    else:
        raise ParseError(SOURCE, where, f"header {header[:6]!r}… is neither the token panel nor the catalogue layout")
    records = []
    for line, row in enumerate(rows, start=2):
        require(None not in row, SOURCE, where, f"line {line}: more cells than header columns")
        record = dict.fromkeys(FIELDS)
        record["record_kind"] = kind
        record["variant"] = clean_label(row["variant"])
        if kind == "token_panel":
            record["date"] = _day(row["date"], where, line)
            record["model_permaslug"] = clean_label(row["model_permaslug"])
            for field, column in (
                ("prompt_tokens", "total_prompt_tokens"),
                ("completion_tokens", "total_completion_tokens"),
                ("reasoning_tokens", "total_native_tokens_reasoning"),
                ("cached_tokens", "total_native_tokens_cached"),
                ("request_count", "request_count"),
            ):
                record[field] = as_int(row[column].strip(), SOURCE, where, f"line {line} {column}")
        else:
            record["date"] = _day(row["scrape_date"], where, line)
            record["model_permaslug"] = clean_label(row["permaslug"])
            record["model_id"] = clean_label(row["id"])
            record["model_slug"] = clean_label(row["model_slug"])
            record["model_name"] = clean_label(row["name"])
            record["author"] = clean_label(row["author"])
            record["created_at"] = clean_label(row["created_at"])
            record["modality"] = clean_label(row["modality"])
            record["prompt_usd_per_token"] = as_float(
                row["prompt_price"].strip(), SOURCE, where, f"line {line} prompt_price"
            )
            record["completion_usd_per_token"] = as_float(
                row["completion_price"].strip(), SOURCE, where, f"line {line} completion_price"
            )
        records.append(record)
    require(len(records) > 0, SOURCE, where, "no data rows after the header")
    return records
