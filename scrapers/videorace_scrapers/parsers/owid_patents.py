"""Our World in Data grapher CSV: AI patent applications per million people, by country and year
(underlying source CSET; field "All": every AI patent, not generative AI or video).

Header ``Entity,Code,Year,Patent applications per 1 million people - Field: All`` (the value
column's title names the field; any other header is refused). One record per row: entity name,
OWID code (ISO 3166 alpha-3, or ``OWID_*`` for aggregates such as World; empty for some regions),
year and the value. The grapher file has no trailing newline.
"""

from __future__ import annotations

import csv
import io
import re

from .base import ParseError, as_float, as_int, clean_label, decode_text, require

SOURCE = "owid_patents"
DESCRIPTION = "OWID grapher CSV (AI patent applications per million people, CSET): one record per entity and year"
CLI_FIELDS = ("entity", "code", "year", "applications_per_million", "field")
_VALUE = re.compile(r"^Patent applications per 1 million people - Field: (?P<field>.+)$")


def parse(body: bytes, *, where: str = "<input>", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    rows = list(csv.reader(io.StringIO(text)))
    require(len(rows) > 1, SOURCE, where, "no data rows")
    header = [c.strip() for c in rows[0]]
    match = _VALUE.match(header[3]) if len(header) == 4 else None
    require(
        header[:3] == ["Entity", "Code", "Year"] and match is not None,
        SOURCE,
        where,
        f"header {rows[0]!r} is not Entity,Code,Year,Patent applications per 1 million people - Field: …",
    )
    field = match.group("field").strip()
    records = []
    for line, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        require(len(row) == 4, SOURCE, where, f"line {line}: expected 4 columns, found {len(row)}")
        value = as_float(row[3].strip(), SOURCE, where, f"line {line} value")
        if value is None:
            raise ParseError(SOURCE, where, f"line {line}: empty value for {row[0]!r} {row[2]!r}")
        records.append(
            {
                "entity": clean_label(row[0]),
                "code": clean_label(row[1]),
                "year": as_int(row[2].strip(), SOURCE, where, f"line {line} year"),
                "applications_per_million": value,
                "field": field,
            }
        )
    return records
