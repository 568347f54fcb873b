"""EPO Open Patent Services (OPS 3.2) published-data search: the hit count of one CQL query.

Shape (OPS RESTful Web Services Reference Guide, "CQL search" response example):
``ops:world-patent-data / ops:biblio-search[@total-result-count]`` with ``ops:query`` (the CQL as
OPS understood it), ``ops:range`` and ``ops:search-result``; namespace ``http://ops.epo.org``.
We keep only the count: the query's CPC scope, publication country and year travel with the
snapshot (its label, ``scope=G06T13;country=CN;year=2024``), or are read back from the echoed CQL.
An OPS ``fault`` document (e.g. ``CLIENT.InvalidQuery``, ``SERVER.EntityNotFound``) is an error,
never a count of zero.

OPS reports at most 10000 (``total-result-count="10000"`` for any broad query): such a count is a
lower bound, flagged ``count_is_lower_bound``, never a total. A snapshot labelled ``unattributed``
(the recorded client examples: ``ti=battery``, ``pa=Siemens``, the ``H04W`` classification
statistics) is a query that is not ours: it is parsed with NULL scope, country and year, and
``response_kind`` says which OPS answer it is (``biblio-search`` or ``classification-search``,
whose count is of CPC classes, not documents).
"""

from __future__ import annotations

import re

from lxml import etree

from .base import ParseError, as_int, decode_text, require

SOURCE = "epo_ops"
DESCRIPTION = "EPO OPS published-data search XML: one record per CQL query with its total-result-count"
CLI_FIELDS = ("query_scope", "publication_country", "publication_year", "total_result_count", "cql_query")
OPS_NS = "http://ops.epo.org"
OPS_COUNT_CAP = 10000  # OPS never reports more hits than this
UNATTRIBUTED = "unattributed"

_CQL = re.compile(
    r'cpc="?(?P<scope>[A-Z0-9/]+)"?\s+and\s+pn=(?P<country>[A-Z]{2})\s+and\s+'
    r'pd\s+within\s+"(?P<year>\d{4})0101,(?P=year)1231"',
    re.IGNORECASE,
)


def cql_query(scope: str, country: str, year: int) -> str:
    """The CQL the spider sends: CPC scope x publication country x publication year."""
    return f'cpc="{scope}" and pn={country} and pd within "{year}0101,{year}1231"'


def snapshot_label(scope: str, country: str, year: int) -> str:
    return f"scope={scope};country={country};year={year}"


def _from_label(label: str) -> dict:
    parts = dict(p.split("=", 1) for p in label.split(";") if "=" in p)
    return {"scope": parts.get("scope"), "country": parts.get("country"), "year": parts.get("year")}


def _q(name: str) -> str:
    return f"{{{OPS_NS}}}{name}"


def parse(body: bytes, *, where: str = "<input>", label: str = "", **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(SOURCE, where, f"invalid XML ({exc})") from None
    if root.tag == _q("fault") or etree.QName(root).localname == "fault":
        code = (root.findtext(_q("code")) or root.findtext("code") or "").strip()
        message = (root.findtext(_q("message")) or root.findtext("message") or "").strip()
        raise ParseError(SOURCE, where, f"OPS fault {code or '(no code)'}: {message or '(no message)'}")
    require(
        root.tag == _q("world-patent-data"),
        SOURCE,
        where,
        f"root <{root.tag}> is not ops:world-patent-data (namespace {OPS_NS})",
    )
    free = label == UNATTRIBUTED
    search = root.find(_q("biblio-search"))
    kind = "biblio-search"
    if search is None and free and root.find(_q("classification-search")) is not None:
        search, kind = root.find(_q("classification-search")), "classification-search"
    require(search is not None, SOURCE, where, "no ops:biblio-search element")
    raw_count = search.get("total-result-count")
    require(raw_count is not None, SOURCE, where, "ops:biblio-search has no total-result-count attribute")
    count = as_int(raw_count.strip(), SOURCE, where, "total-result-count")
    require(count is not None and count >= 0, SOURCE, where, f"total-result-count={raw_count!r} is not a count")
    echoed = search.findtext(_q("query"))
    echoed = " ".join(echoed.split()) if echoed else None
    wanted = _from_label(label) if label and not free else {}
    match = _CQL.search(echoed or "")
    span = search.find(_q("range"))
    shared = {
        "response_kind": kind,
        "cql_query": echoed,
        "total_result_count": count,
        "count_is_lower_bound": kind == "biblio-search" and count >= OPS_COUNT_CAP,
        "publications_count": as_int(search.get("publications-count"), SOURCE, where, "publications-count"),
        "range_begin": as_int(span.get("begin"), SOURCE, where, "range begin") if span is not None else None,
        "range_end": as_int(span.get("end"), SOURCE, where, "range end") if span is not None else None,
    }
    if free and match is None:
        require(echoed is not None, SOURCE, where, "unattributed snapshot without an echoed ops:query")
        return [{"query_scope": None, "publication_country": None, "publication_year": None, **shared}]
    if not all(wanted.get(k) for k in ("scope", "country", "year")):
        require(
            match is not None,
            SOURCE,
            where,
            "no snapshot label and the echoed ops:query is not a scope/country/year CQL "
            f"({echoed!r}): the count cannot be attributed",
        )
        wanted = match.groupdict()
    elif match is not None:
        echoed_keys = {k: v.upper() for k, v in match.groupdict().items()}
        require(
            echoed_keys == {k: str(v).upper() for k, v in wanted.items()},
            SOURCE,
            where,
            f"snapshot label {label!r} disagrees with the query OPS answered ({echoed!r})",
        )
    year = as_int(wanted["year"], SOURCE, where, "year")
    shared["cql_query"] = echoed or cql_query(wanted["scope"], wanted["country"].upper(), year)
    return [
        {
            "query_scope": wanted["scope"],
            "publication_country": wanted["country"].upper(),
            "publication_year": year,
            **shared,
        }
    ]
