"""LiteLLM's model price catalogue (`model_prices_and_context_window.json`): video-generation prices.

One JSON object per model key (``<provider>/<model>``). Entries with ``mode == "video_generation"``
price output seconds in USD: ``output_cost_per_second_<res>`` for one resolution (480p, 720p,
768p, 1080p, 2k, 4k), ``output_cost_per_second`` or ``output_cost_per_video_per_second`` as the
entry's default rate. LiteLLM charges a request at the resolution's own field when there is one,
else at the default (``usd_per_second_at``), so the default is kept as its own record with no
resolution rather than copied onto resolutions the file does not name. ``source`` is the
provider's pricing page LiteLLM transcribed the price from: kept as evidence on every record.
Other entries (chat, image, audio, …) are not prices of video and are skipped; a file with no
video entry at all is refused (a changed catalogue, or the wrong file).
"""

from __future__ import annotations

import re

from .base import ParseError, as_float, clean_label, load_json, require

SOURCE = "litellm_pricing"
DESCRIPTION = "LiteLLM price catalogue: one record per video_generation entry and priced resolution (USD per second)"
CLI_FIELDS = ("key", "litellm_provider", "resolution", "price_field", "price_usd_per_s", "pricing_url")
_RESOLUTION_FIELD = re.compile(r"^output_cost_per_second_(\d{3,4}p|\dk)$")
DEFAULT_FIELDS = ("output_cost_per_second", "output_cost_per_video_per_second")


def parse(body: bytes, *, where: str = "<input>") -> list[dict]:
    doc = load_json(body, SOURCE, where)
    require(isinstance(doc, dict), SOURCE, where, "top level is not an object of model keys")
    records = []
    for key, entry in doc.items():
        if not isinstance(entry, dict) or entry.get("mode") != "video_generation":
            continue
        records.extend(_entry_records(key, entry, where))
    require(bool(records), SOURCE, where, "no mode=video_generation entry with a per-second price")
    return records


def _entry_records(key: str, entry: dict, where: str) -> list[dict]:
    provider = clean_label(entry.get("litellm_provider"))
    require(provider is not None, SOURCE, where, f"{key}: no litellm_provider")
    priced = []
    for field, value in entry.items():
        match = _RESOLUTION_FIELD.match(field)
        if match or field in DEFAULT_FIELDS:
            price = as_float(value, SOURCE, where, f"{key}.{field}")
            require(price is not None and price >= 0, SOURCE, where, f"{key}.{field}={value!r} is not a price")
            priced.append((match.group(1) if match else None, field, price))
        elif field.startswith("output_cost_per_second") or field.startswith("output_cost_per_video"):
            raise ParseError(SOURCE, where, f"{key}: unknown price field {field!r}")
    defaults = [p for p in priced if p[0] is None]
    require(len(defaults) <= 1, SOURCE, where, f"{key}: both {DEFAULT_FIELDS[0]} and {DEFAULT_FIELDS[1]}")
    model = key.split("/", 1)[1] if "/" in key else key
    return [
        {
            "key": key,
            "litellm_provider": provider,
            "model": model,
            "resolution": resolution,
            "price_field": field,
            "price_usd_per_s": price,
            "input_cost_per_image": as_float(
                entry.get("input_cost_per_image"), SOURCE, where, f"{key}.input_cost_per_image"
            ),
            "pricing_url": clean_label(entry.get("source")),
            "deprecation_date": clean_label(entry.get("deprecation_date")),
            "supported_modalities": ",".join(str(m) for m in entry.get("supported_modalities") or []) or None,
        }
        for resolution, field, price in priced
    ]


def usd_per_second_at(records: list[dict], key: str, resolution: str) -> float | None:
    """LiteLLM's own rule for one entry: the resolution's field if the entry has one, else its
    default rate; None when the entry has neither."""
    mine = [r for r in records if r["key"] == key]
    exact = [r["price_usd_per_s"] for r in mine if r["resolution"] == resolution]
    default = [r["price_usd_per_s"] for r in mine if r["resolution"] is None]
    return (exact or default or [None])[0]
