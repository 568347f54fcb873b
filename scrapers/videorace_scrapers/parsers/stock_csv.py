"""Daily stock prices as CSV, in the six header layouts found in the recordings.

- ``,Close,High,Low,Open,Volume`` (pandas ``to_csv`` of a yfinance frame: the date column has no name)
- ``Date,Close,High,Low,Open,Volume`` and ``Date,Open,High,Low,Close,Volume``
- ``date,open,high,low,close,volume`` (Stooq, CRLF, volume written as a float)
- ``date,open,high,low,close,adj_close,volume,dividend,split`` (yfinance ``history(auto_adjust=False,
  actions=True)``: raw OHLC, the adjusted close beside it, the day's dividend and split ratio)
- ``date,close`` (closes only)

The layout is recognised from the header (case-insensitive); any other header is refused, because a
column we do not know could change what ``close`` means. Prices are rounded to 4 decimals (yfinance
writes float32 values as float64, e.g. ``24.51000022888184``); volume becomes an integer. Columns a
layout lacks stay null. A row with empty prices (a delisting day) is kept with null prices: the
loader decides, nothing is invented. Whether ``close`` is adjusted is not in the file: the
repository's job decides it (``warehouse/seeds/stock_csv_series.csv``).
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date

from .base import ParseError, as_float, as_int, clean_label, decode_text, require

SOURCE = "stock_csv"
DESCRIPTION = (
    "daily OHLCV CSV (yfinance/Stooq layouts, adj_close, close-only): one record per trading day; needs --ticker"
)
CLI_FIELDS = ("ticker", "date", "open", "high", "low", "close", "adj_close", "volume", "layout")
PRICES = ("open", "high", "low", "close", "adj_close")
LAYOUTS = {
    "date,close,high,low,open,volume": "yfinance",
    "date,open,high,low,close,volume": "ohlcv",
    "date,open,high,low,close,adj_close,volume,dividend,split": "yfinance_actions",
    "date,close": "close_only",
}


def _iso_date(value: str, where: str, line: int) -> str:
    text = value.strip()
    # yfinance may write "2025-01-02 00:00:00-05:00": the date part is the local trading day
    if len(text) == 10 or text[10:11] in (" ", "T"):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    raise ParseError(SOURCE, where, f"line {line}: {value!r} is not a date (YYYY-MM-DD)")


def _number(value: str, where: str, field: str, digits: int | None = 4) -> float | None:
    number = as_float(value.strip(), SOURCE, where, field)
    if number is None:
        return None
    require(math.isfinite(number), SOURCE, where, f"{field}={value!r} is not a finite number")
    return round(number, digits) if digits is not None else number


def parse(body: bytes, *, where: str = "<input>", ticker: str | None = None, **options) -> list[dict]:
    symbol = clean_label(ticker)
    require(symbol is not None, SOURCE, where, "no ticker given: pass --ticker (the CSV does not name one)")
    text = decode_text(body, SOURCE, where)
    rows = list(csv.reader(io.StringIO(text)))
    require(len(rows) > 0, SOURCE, where, "no header line")
    header = [cell.strip().lower() for cell in rows[0]]
    if header and header[0] == "":
        header[0] = "date"
    layout = LAYOUTS.get(",".join(header))
    if layout is None:
        # name what is missing against the nearest known layout, so the error says what changed
        nearest = max(LAYOUTS, key=lambda known: len(set(known.split(",")) & set(header)))
        missing = [c for c in nearest.split(",") if c not in header]
        detail = f"lacks column(s) {', '.join(missing)} of layout {nearest}" if missing else f"nearest layout {nearest}"
        raise ParseError(SOURCE, where, f"header {rows[0]!r} is not a known layout: {detail}")
    index = {name: i for i, name in enumerate(header)}

    records = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        require(
            len(row) == len(header),
            SOURCE,
            where,
            f"line {line}: expected {len(header)} columns, found {len(row)}: {row!r}",
        )
        record = {"ticker": symbol, "date": _iso_date(row[index["date"]], where, line)}
        for name in PRICES:
            record[name] = _number(row[index[name]], where, f"line {line} {name}") if name in index else None
        record["volume"] = (
            as_int(row[index["volume"]].strip(), SOURCE, where, f"line {line} volume") if "volume" in index else None
        )
        record["dividend"] = (
            _number(row[index["dividend"]], where, f"line {line} dividend", None) if "dividend" in index else None
        )
        record["split_ratio"] = (
            _number(row[index["split"]], where, f"line {line} split", None) if "split" in index else None
        )
        record["layout"] = layout
        records.append(record)
    require(len(records) > 0, SOURCE, where, "no data rows after the header")
    return records
