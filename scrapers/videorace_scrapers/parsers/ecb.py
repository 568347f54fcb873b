"""ECB euro foreign exchange reference rates (eurofxref-daily.xml, eurofxref-hist.xml).

Shape: ``gesmes:Envelope / Cube / Cube time="YYYY-MM-DD" / Cube currency="USD" rate="1.0321"``.
Namespaces are ignored (matched on the local name ``Cube``), so a change of namespace URI does
not break the parser, while a change of structure does.
"""

from __future__ import annotations

import math
import re
from datetime import date

from lxml import etree

from .base import ParseError, as_float, clean_label, decode_text, require

SOURCE = "ecb"
DESCRIPTION = "ECB euro reference rates XML: one record per day and currency (units per EUR)"
CLI_FIELDS = ("date", "currency", "per_eur")


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    # the ECB feed never declares a DTD: one that does may try entity expansion or external files
    require(
        "<!DOCTYPE" not in text and "<!ENTITY" not in text,
        SOURCE,
        where,
        "a DTD or entity declaration (not accepted in a data feed)",
    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(SOURCE, where, f"invalid XML ({exc})") from None
    require(root is not None, SOURCE, where, "no XML document")
    records = []
    for day_cube in root.iter():
        if _local(day_cube.tag) != "Cube" or day_cube.get("time") is None:
            continue
        raw_day = day_cube.get("time", "").strip()
        try:
            day = date.fromisoformat(raw_day).isoformat()
        except ValueError:
            raise ParseError(SOURCE, where, f"Cube time={raw_day!r} is not a date (YYYY-MM-DD)") from None
        rates = [c for c in day_cube if _local(c.tag) == "Cube"]
        require(len(rates) > 0, SOURCE, where, f"Cube time={day} has no currency rates")
        for cube in rates:
            currency = clean_label(cube.get("currency"))
            require(currency is not None, SOURCE, where, f"a rate on {day} has no currency attribute")
            require(
                re.fullmatch(r"[A-Z]{3}", currency) is not None,
                SOURCE,
                where,
                f"currency={currency!r} on {day} is not a currency code (three capital letters)",
            )
            rate = as_float(cube.get("rate"), SOURCE, where, f"{day} {currency} rate")
            require(
                rate is not None and math.isfinite(rate),
                SOURCE,
                where,
                f"{day} {currency} has no valid rate ({cube.get('rate')!r})",
            )
            records.append({"date": day, "currency": currency, "per_eur": rate})
    if not records:
        raise ParseError(SOURCE, where, f"no Cube elements with a time attribute (root <{_local(root.tag)}>)")
    return records
