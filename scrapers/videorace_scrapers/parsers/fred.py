"""FRED daily series DEXCHUS (Chinese yuan renminbi per U.S. dollar), downloaded as CSV.

Header ``observation_date,DEXCHUS`` (older downloads: ``DATE,DEXCHUS``). U.S. holidays are rows
with an empty value (older files: ``.``); they are skipped, never filled.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from .base import ParseError, as_float, decode_text, require

SOURCE = "fred"
DESCRIPTION = "FRED DEXCHUS CSV: one record per day with a CNY per USD noon buying rate"
CLI_FIELDS = ("date", "cny_per_usd")
SERIES = "DEXCHUS"
DATE_COLUMNS = ("observation_date", "date")
MISSING = ("", ".")


def _iso_date(value: str, where: str, line: int) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ParseError(SOURCE, where, f"line {line}: {value!r} is not a date (YYYY-MM-DD)") from None


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    rows = list(csv.reader(io.StringIO(text)))
    require(len(rows) > 0, SOURCE, where, "no header line")
    header = [cell.strip().lower() for cell in rows[0]]
    require(
        len(header) == 2 and header[0] in DATE_COLUMNS and header[1] == SERIES.lower(),
        SOURCE, where, f"unexpected header {rows[0]!r} (expected observation_date,{SERIES})",
    )
    records = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        require(len(row) == 2, SOURCE, where, f"line {line}: expected 2 columns, found {len(row)}: {row!r}")
        day = _iso_date(row[0], where, line)
        raw = row[1].strip()
        if raw in MISSING:
            continue
        rate = as_float(raw, SOURCE, where, f"line {line} {SERIES}")
        records.append({"date": day, "cny_per_usd": rate})
    require(len(records) > 0, SOURCE, where, "no observations with a value")
    return records
