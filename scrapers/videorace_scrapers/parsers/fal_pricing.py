"""fal.ai model prices: the Platform API (JSON, with FAL_KEY) or the public pricing page (HTML).

API: ``GET /v1/models/pricing?endpoint_id=...`` answers
``{"prices": [{"endpoint_id": "fal-ai/veo3", "unit_price": 0.4, "unit": "second", "currency": "USD"}],
"next_cursor": null, "has_more": false}``: one record per price, labels as fal writes them.

Page (no key): table rows naming a model with a price written as ``$0.05 per second`` /
``$0.20 per video`` / ``$0.05/s``, or as fal's "20 seconds per $1" (price = 1 / 20 per second,
computed here because that is the page's own arithmetic). Only video prices (per second or per
video) are kept; a page with none is an error (the layout changed), never an empty load.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .base import ParseError, as_float, clean_label, decode_text, load_json, require

SOURCE = "fal_pricing"
DESCRIPTION = "fal.ai pricing (Platform API JSON or pricing page HTML): one record per video model price"
CLI_FIELDS = ("endpoint_id", "unit_price", "unit", "currency")

_DOLLARS = re.compile(r"\$\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:/|per)\s*(second|sec|s|video|clip)\b", re.IGNORECASE)
_PER_DOLLAR = re.compile(r"(\d+(?:\.\d+)?)\s*(seconds?|videos?)\s+per\s+\$\s*1\b", re.IGNORECASE)
_VIDEO_UNITS = {
    "second": "second",
    "sec": "second",
    "s": "second",
    "video_second": "second",
    "video": "video",
    "clip": "video",
    "seconds": "second",
    "videos": "video",
}


def _from_api(data: dict, where: str) -> list[dict]:
    prices = data.get("prices")
    require(isinstance(prices, list), SOURCE, where, "JSON without a 'prices' list (not the pricing API shape)")
    records = []
    for n, price in enumerate(prices):
        require(isinstance(price, dict), SOURCE, where, f"prices[{n}] is not an object")
        endpoint = clean_label(price.get("endpoint_id"))
        unit_price = as_float(price.get("unit_price"), SOURCE, where, f"prices[{n}].unit_price")
        require(
            endpoint is not None and unit_price is not None,
            SOURCE,
            where,
            f"prices[{n}] lacks endpoint_id or unit_price",
        )
        records.append(
            {
                "endpoint_id": endpoint,
                "unit_price": unit_price,
                "unit": clean_label(price.get("unit")),
                "currency": clean_label(price.get("currency")),
                "price_text": None,
                "shape": "api",
            }
        )
    return records


def _from_page(text: str, where: str) -> list[dict]:
    require("</html>" in text[-4000:].lower(), SOURCE, where, "truncated HTML (no closing </html>)")
    soup = BeautifulSoup(text, "html.parser")
    records = []
    for row in soup.find_all("tr"):
        cells = [" ".join(c.get_text(" ", strip=True).split()) for c in row.find_all(["td", "th"])]
        if len(cells) < 2 or not row.find("td"):
            continue
        model, rest = clean_label(cells[0]), " ".join(cells[1:])
        if match := _DOLLARS.search(rest):
            price, unit = float(match.group(1)), _VIDEO_UNITS[match.group(2).lower()]
        elif match := _PER_DOLLAR.search(rest):
            count = float(match.group(1))
            if count <= 0:
                continue
            price, unit = round(1 / count, 6), _VIDEO_UNITS[match.group(2).lower()]
        else:
            continue
        records.append(
            {
                "endpoint_id": model,
                "unit_price": price,
                "unit": unit,
                "currency": "USD",
                "price_text": rest,
                "shape": "page",
            }
        )
    return records


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    if text.lstrip().startswith("<"):
        records = _from_page(text, where)
        if not records:
            raise ParseError(
                SOURCE,
                where,
                "no video price on the page (no '$x per second/video' or 'N seconds per $1' in a table row)",
            )
        return records
    data = load_json(body, SOURCE, where)
    require(isinstance(data, dict), SOURCE, where, "JSON is not an object")
    records = _from_api(data, where)
    if not records:
        raise ParseError(SOURCE, where, "the pricing API answered with an empty 'prices' list")
    return records
