"""Alibaba Cloud Model Studio (Bailian) pricing doc pages, HTML: video models priced per second.

The mainland page (help.aliyun.com) writes prices in CNY (``720P：0.6元/秒``), the international
page (alibabacloud.com) in USD (``720P: $0.10/second``). A table row whose first cell is a model
id (``wan2.5-t2v-preview``) gives one record per price in its other cells; a resolution written
before a price (``1080P:``) or in its own cell of the row belongs to it. A row with no model cell
(a rowspan continuation) keeps the model of the row above. The nearest heading above the table
(e.g. "Mainland China", "International (Singapore)") is kept as ``section``: prices differ by
region. Amounts and currencies are kept as written; nothing is converted here.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .base import ParseError, clean_label, decode_text, require

SOURCE = "alibaba_pricing"
DESCRIPTION = "Alibaba Cloud Model Studio pricing HTML: one record per video model price per second (CNY or USD)"
CLI_FIELDS = ("model", "resolution", "price", "currency", "unit", "section")

_MODEL = re.compile(r"^[a-z][a-z0-9]*(?:[.\-_][a-z0-9]+)+$", re.IGNORECASE)
_PRICE = re.compile(
    r"(?:(?P<res>\d{3,4}\s*[Pp])\s*[:：]?\s*)?"
    r"(?P<cur1>US\$|[¥￥$])?\s*(?P<amount>\d+(?:\.\d+)?)\s*(?P<cur2>元|yuan|CNY|RMB|USD)?\s*"
    r"(?:/|per\s+|每)\s*(?P<unit>秒|seconds?|sec|s)(?![a-z])",
    re.IGNORECASE,
)
_RESOLUTION = re.compile(r"\b(\d{3,4})\s*[Pp]\b")
_HEADINGS = ("h1", "h2", "h3", "h4")


def _currency(symbol: str | None, word: str | None) -> str | None:
    token = (symbol or word or "").upper()
    if token in ("¥", "￥", "元", "YUAN", "CNY", "RMB"):
        return "CNY"
    if token in ("$", "US$", "USD"):
        return "USD"
    return None


def _cells(row) -> list[str]:
    return [" ".join(c.get_text(" ", strip=True).split()) for c in row.find_all(["td", "th"])]


def _table(table, section: str | None) -> list[dict]:
    records, model = [], None
    for row in table.find_all("tr"):
        if not row.find("td"):
            continue
        cells = _cells(row)
        first = clean_label(cells[0]) if cells else None
        if first and _MODEL.match(first):
            model, cells = first, cells[1:]
        if model is None:
            continue
        row_resolution = next((m.group(1) + "P" for c in cells if (m := _RESOLUTION.fullmatch(c.strip()))), None)
        for cell in cells:
            for match in _PRICE.finditer(cell):
                currency = _currency(match.group("cur1"), match.group("cur2"))
                if currency is None:  # "24 frames/s" and the like: not a price
                    continue
                resolution = match.group("res")
                records.append(
                    {
                        "model": model,
                        "resolution": resolution.replace(" ", "").upper() if resolution else row_resolution,
                        "price": float(match.group("amount")),
                        "currency": currency,
                        "unit": "per second",
                        "price_text": cell,
                        "section": section,
                    }
                )
    return records


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    require(text.lstrip().startswith("<"), SOURCE, where, "not an HTML page")
    require("</html>" in text[-4000:].lower(), SOURCE, where, "truncated HTML (no closing </html>)")
    soup = BeautifulSoup(text, "html.parser")
    section, records, tables = None, [], 0
    for element in soup.find_all([*_HEADINGS, "table"]):
        if element.name != "table":
            section = clean_label(" ".join(element.get_text(" ", strip=True).split()))
        elif element.find_parent("table") is None:
            tables += 1
            records.extend(_table(element, section))
    if not records:
        raise ParseError(
            SOURCE,
            where,
            f"no video price per second in {tables} table(s) (no model id row with a '元/秒' or '$/second' amount)",
        )
    return records
