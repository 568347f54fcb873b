"""Yahoo Finance v8 chart JSON (``/v8/finance/chart/<symbol>?interval=1d``).

``chart.result[0]``: ``timestamp`` (unix seconds, bar start), ``indicators.quote[0]`` with the
arrays ``open/high/low/close/volume`` (nulls where Yahoo has no value: they stay null) and ``meta``
with ``symbol`` and ``exchangeTimezoneName``. Each timestamp becomes the trading date in the
exchange's time zone. A non-null ``chart.error`` is an error, quoted.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .base import ParseError, as_float, as_int, clean_label, load_json, require

SOURCE = "yahoo"
DESCRIPTION = "Yahoo Finance v8 chart JSON: one record per daily bar (date in the exchange time zone)"
CLI_FIELDS = ("ticker", "date", "open", "high", "low", "close", "volume")
PRICES = ("open", "high", "low", "close")


def _zone(meta: dict, where: str):
    name = clean_label(meta.get("exchangeTimezoneName"))
    if name is not None:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ParseError(SOURCE, where, f"unknown exchangeTimezoneName {name!r}") from None
    offset = meta.get("gmtoffset")
    if isinstance(offset, int) and not isinstance(offset, bool):
        return timezone(timedelta(seconds=offset))
    raise ParseError(SOURCE, where, "meta has neither exchangeTimezoneName nor gmtoffset")


def _price(value: object, where: str, field: str) -> float | None:
    number = as_float(value, SOURCE, where, field)
    if number is None:
        return None
    require(math.isfinite(number), SOURCE, where, f"{field}={value!r} is not a finite number")
    return round(number, 4)


def parse(body: bytes, *, where: str = "<input>", ticker: str | None = None, **options) -> list[dict]:
    doc = load_json(body, SOURCE, where)
    require(isinstance(doc, dict) and isinstance(doc.get("chart"), dict), SOURCE, where, "no 'chart' object")
    chart = doc["chart"]
    error = chart.get("error")
    if error is not None:
        text = (error.get("description") or error.get("code")) if isinstance(error, dict) else error
        raise ParseError(SOURCE, where, f"chart.error: {text}")
    results = chart.get("result")
    require(isinstance(results, list) and len(results) > 0, SOURCE, where, "chart.result is empty or missing")
    result = results[0]
    require(isinstance(result, dict), SOURCE, where, "chart.result[0] is not an object")
    meta = result.get("meta")
    require(isinstance(meta, dict), SOURCE, where, "chart.result[0].meta is missing")
    symbol = clean_label(meta.get("symbol")) or clean_label(ticker)
    require(symbol is not None, SOURCE, where, "no meta.symbol and no ticker given: pass --ticker")
    zone = _zone(meta, where)
    stamps = result.get("timestamp")
    require(
        isinstance(stamps, list) and len(stamps) > 0,
        SOURCE,
        where,
        "no 'timestamp' array (no bars in the requested range?)",
    )
    quotes = (result.get("indicators") or {}).get("quote")
    require(
        isinstance(quotes, list) and quotes and isinstance(quotes[0], dict),
        SOURCE,
        where,
        "no indicators.quote[0] object",
    )
    quote = quotes[0]
    for name in (*PRICES, "volume"):
        series = quote.get(name)
        require(isinstance(series, list), SOURCE, where, f"indicators.quote[0].{name} is missing")
        require(
            len(series) == len(stamps),
            SOURCE,
            where,
            f"indicators.quote[0].{name} has {len(series)} values for {len(stamps)} timestamps",
        )

    records = []
    for i, stamp in enumerate(stamps):
        seconds = as_int(stamp, SOURCE, where, f"timestamp[{i}]")
        require(seconds is not None, SOURCE, where, f"timestamp[{i}] is null")
        day = datetime.fromtimestamp(seconds, UTC).astimezone(zone).date().isoformat()
        record = {"ticker": symbol, "date": day}
        for name in PRICES:
            record[name] = _price(quote[name][i], where, f"{name}[{i}]")
        record["volume"] = as_int(quote["volume"][i], SOURCE, where, f"volume[{i}]")
        records.append(record)
    return records
