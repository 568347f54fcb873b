"""Gemini API pricing page (https://ai.google.dev/gemini-api/docs/pricing), HTML: the Veo rows.

A heading whose text names Veo ("Veo 3.1", "Veo 3.1 Fast", "Veo 2") opens a model; lower
sub-headings ("Standard", "Fast") set the tier; the section ends at the next heading of the same
or a higher level. Every table in a Veo section gives one record per "$x.xx" amount: the first
cell is the description ("Video with audio (720p & 1080p)"), the column header says which
billing column it is ("Paid Tier, price per second in USD"). Tables elsewhere count only for rows
whose first cell names Veo. No Veo price anywhere is an error (the page changed).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .base import ParseError, clean_label, decode_text

SOURCE = "gemini_pricing"
DESCRIPTION = "Gemini API pricing page HTML: one record per Veo price (USD, usually per second)"
CLI_FIELDS = ("model", "tier", "price_usd", "unit", "resolution", "audio")

_VEO = re.compile(r"\bveo\b", re.IGNORECASE)
_PRICE = re.compile(r"\$\s*(\d+(?:\.\d+)?|\.\d+)")
_UNIT = re.compile(r"\bper\s+(second|sec|video|image|minute)\b", re.IGNORECASE)
_RESOLUTION = re.compile(r"\b(\d{3,4}p|[48]k)\b", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _text(element) -> str:
    return clean_label(" ".join(element.get_text(" ", strip=True).split())) or ""


def _unit(*texts: str) -> str | None:
    for text in texts:
        if match := _UNIT.search(text or ""):
            word = match.group(1).lower()
            return f"per {'second' if word == 'sec' else word}"
    return None


def _audio(text: str) -> bool | None:
    lowered = text.lower()
    if re.search(r"\b(without|no)\s+audio\b|\bsilent\b", lowered):
        return False
    return True if re.search(r"\bwith\s+(native\s+)?audio\b|\baudio\s+included\b", lowered) else None


def _table(table, model: str | None, tier: str | None) -> list[dict]:
    header: list[str] = []
    records = []
    for row in table.find_all("tr"):
        cells = row.find_all(["td", "th"])
        if not cells:
            continue
        if not row.find("td"):
            header = [_text(cell) for cell in cells]
            continue
        description = _text(cells[0])
        row_model = model or (description if _VEO.search(description) else None)
        if row_model is None:
            continue
        for k, cell in enumerate(cells[1:], start=1):
            price_text = _text(cell)
            column = header[k] if k < len(header) else None
            matches = list(_PRICE.finditer(price_text))
            for n, match in enumerate(matches):
                segment = price_text[match.start() : matches[n + 1].start() if n + 1 < len(matches) else None]
                resolutions = _RESOLUTION.findall(f"{description} {segment}")
                records.append(
                    {
                        "model": row_model,
                        "tier": tier,
                        "description": description or None,
                        "price_usd": float(match.group(1)),
                        "unit": _unit(segment, column or "", description),
                        "resolution": "/".join(dict.fromkeys(resolutions)) or None,
                        "audio": _audio(f"{description} {segment}"),
                        "price_column": column,
                        "price_text": price_text,
                    }
                )
    return records


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    if "<" not in text[:2000]:
        raise ParseError(SOURCE, where, "not an HTML page")
    if "</html>" not in text[-4000:].lower():
        raise ParseError(SOURCE, where, "truncated HTML (no closing </html>)")
    soup = BeautifulSoup(text, "html.parser")
    model, model_level, tier, veo_headings = None, 0, None, 0
    records: list[dict] = []
    for element in soup.find_all([*_HEADINGS, "table"]):
        if element.name == "table":
            if element.find_parent("table") is None:
                records.extend(_table(element, model, tier))
            continue
        level, title = int(element.name[1]), clean_label(element.get("data-text")) or _text(element)
        if _VEO.search(title) and (model is None or level <= model_level):
            model, model_level, tier = title, level, None
            veo_headings += 1
        elif _VEO.search(title) and level > model_level:  # "Veo 3.1 Fast" under "Veo 3.1"
            model, tier = title, None
        elif model is not None and level <= model_level:
            model, tier = None, None
        elif model is not None:
            tier = title
    if not records:
        found = f"{veo_headings} Veo heading(s) but" if veo_headings else "no Veo heading and"
        raise ParseError(SOURCE, where, f"no Veo price found ({found} no '$' amount in a Veo table)")
    return records
