"""Runway API reference (markdown): video models priced in credits per second.

Rows come from markdown tables whose header has a model column and a cost column in credits per
second (``| Model | Endpoint | Input | Cost (credits/sec) |``), and from prose lines such as
```gen4_turbo`: 5 credits per second``. A range (``20-40``) keeps both ends: ``credits_per_second``
is the low end ("from"), ``credits_per_second_max`` the high end. The reference does not state
what a credit costs: the dollar value comes from the caller (``usd_per_credit``; the pipeline reads
the cited row of ``warehouse/seeds/unit_prices.csv``). Without it the USD fields stay null.
"""

from __future__ import annotations

import re

from .base import ParseError, clean_label, decode_text

SOURCE = "runway_pricing"
DESCRIPTION = "Runway API reference markdown: one record per model priced in credits per second"
CLI_FIELDS = ("model", "credits_per_second", "price_usd_per_second")
UNIT = "credits per second"

_PER_SECOND = re.compile(r"credits?\s*(?:/|per)\s*(?:s|sec|second)\b", re.IGNORECASE)
_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)(?:\s*(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?\s*$")
_PROSE = re.compile(
    r"`(?P<model>[\w.\-]+)`[^|\n]*?\b(?P<low>\d+(?:\.\d+)?)(?:\s*[-–]\s*(?P<high>\d+(?:\.\d+)?))?"
    r"\s*credits?\s*(?:/|per)\s*(?:s|sec|second)\b",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _record(model: str, low: str, high: str | None, notes: str, usd_per_credit: float | None) -> dict:
    credits, credits_max = float(low), float(high) if high else float(low)
    return {
        "model": model,
        "credits_per_second": credits,
        "credits_per_second_max": credits_max,
        "usd_per_credit": usd_per_credit,
        "price_usd_per_second": round(credits * usd_per_credit, 6) if usd_per_credit is not None else None,
        "price_usd_per_second_max": round(credits_max * usd_per_credit, 6) if usd_per_credit is not None else None,
        "unit": UNIT,
        "notes": notes,
    }


def parse(body: bytes, *, where: str = "<input>", usd_per_credit: float | None = None, **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    lines = [line.rstrip("\r") for line in text.split("\n")]
    records: list[dict] = []
    in_table = set()
    for i in range(len(lines) - 1):
        if not lines[i].lstrip().startswith("|") or not _SEPARATOR.match(lines[i + 1]):
            continue
        header = [cell.lower() for cell in _cells(lines[i])]
        model_col = next((k for k, h in enumerate(header) if "model" in h), None)
        cost_col = next((k for k, h in enumerate(header) if _PER_SECOND.search(h)), None)
        if model_col is None or cost_col is None:
            continue
        j = i + 2
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            in_table.add(j)
            cells = _cells(lines[j])
            if len(cells) != len(header):
                raise ParseError(SOURCE, where, f"line {j + 1}: {len(cells)} cells under a {len(header)}-column header")
            model = clean_label(cells[model_col].strip("`* "))
            amount = _AMOUNT.match(cells[cost_col].replace(",", ""))
            if model is None or amount is None:
                raise ParseError(SOURCE, where, f"line {j + 1}: cannot read a model and credits/sec in {lines[j]!r}")
            records.append(_record(model, amount.group(1), amount.group(2), lines[j].strip(), usd_per_credit))
            j += 1
    for i, line in enumerate(lines):
        if i in in_table or line.lstrip().startswith("|"):
            continue
        for match in _PROSE.finditer(line):
            records.append(
                _record(match.group("model"), match.group("low"), match.group("high"), line.strip(), usd_per_credit)
            )
    if not records:
        raise ParseError(SOURCE, where, "no model priced in credits per second (no 'credits/sec' table or line)")
    return records
