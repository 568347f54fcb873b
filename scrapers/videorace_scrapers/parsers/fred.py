"""FRED daily series DEXCHUS (Chinese yuan renminbi per U.S. dollar) as CSV, in two layouts.

- ``observation_date,DEXCHUS`` (older downloads: ``DATE,DEXCHUS``): FRED's graph CSV, live or as
  committed by a repository that republishes it.
- ``Date,Country,Exchange rate``: the ``datasets/exchange-rates`` ``data/daily.csv`` (sourced from
  FRED H.10; every country interleaved). Only the rows of one country are read: ``label`` (the
  manifest label) names it, default ``China``; a file without that country is refused.

U.S. holidays are rows with an empty value (older files: ``.``); they are skipped, never filled.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from .base import ParseError, as_float, decode_text, require

SOURCE = "fred"
DESCRIPTION = (
    "FRED DEXCHUS CSV (or the datasets/exchange-rates China slice): one record per day with a CNY per USD rate"
)
CLI_FIELDS = ("date", "cny_per_usd")
SERIES = "DEXCHUS"
DATE_COLUMNS = ("observation_date", "date")
COUNTRY_LAYOUT = ["date", "country", "exchange rate"]
MISSING = ("", ".")


def _iso_date(value: str, where: str, line: int) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ParseError(SOURCE, where, f"line {line}: {value!r} is not a date (YYYY-MM-DD)") from None


def _observations(rows: list[list[str]], where: str, value_at: int, keep) -> list[dict]:
    width = len(rows[0])
    records = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        require(len(row) == width, SOURCE, where, f"line {line}: expected {width} columns, found {len(row)}: {row!r}")
        if not keep(row):
            continue
        day = _iso_date(row[0], where, line)
        raw = row[value_at].strip()
        if raw in MISSING:
            continue
        rate = as_float(raw, SOURCE, where, f"line {line} CNY per USD")
        records.append({"date": day, "cny_per_usd": rate})
    return records


def parse(body: bytes, *, where: str = "<input>", label: str | None = None, **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    rows = list(csv.reader(io.StringIO(text)))
    require(len(rows) > 0, SOURCE, where, "no header line")
    header = [cell.strip().lower() for cell in rows[0]]
    if header == COUNTRY_LAYOUT:
        country = (label or "China").strip()
        records = _observations(rows, where, 2, lambda row: row[1].strip() == country)
        require(len(records) > 0, SOURCE, where, f"no observations with a value for country {country!r}")
        return records
    require(
        len(header) == 2 and header[0] in DATE_COLUMNS and header[1] == SERIES.lower(),
        SOURCE,
        where,
        f"unexpected header {rows[0]!r} (expected observation_date,{SERIES} or Date,Country,Exchange rate)",
    )
    records = _observations(rows, where, 1, lambda row: True)
    require(len(records) > 0, SOURCE, where, "no observations with a value")
    return records
