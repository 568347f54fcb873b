"""EPO OPS published-data search parser on a synthetic fixture in the documented shape (there is
no real recording: OPS needs a key), and its errors: faults, other XML, missing counts."""

from pathlib import Path

import pytest

from videorace_scrapers.parsers import ParseError, epo_ops, get_parser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
SEARCH = (FIXTURES / "epo_ops_search_G06T13_CN_2024_synthetic.xml").read_bytes()
FAULT = (FIXTURES / "epo_ops_fault_synthetic.xml").read_bytes()
OPS = 'xmlns:ops="http://ops.epo.org"'


def test_registered():
    assert get_parser("epo_ops") is epo_ops
    assert "total_result_count" in epo_ops.CLI_FIELDS


def test_count_attributed_from_the_echoed_query():
    assert epo_ops.parse(SEARCH, where="fixture") == [
        {
            "query_scope": "G06T13",
            "publication_country": "CN",
            "publication_year": 2024,
            "response_kind": "biblio-search",
            "cql_query": 'cpc="G06T13" and pn=CN and pd within "20240101,20241231"',
            "total_result_count": 1234,
            "count_is_lower_bound": False,
            "publications_count": None,
            "range_begin": 1,
            "range_end": 25,
        }
    ]


def test_label_from_the_spider_matches_the_query():
    label = epo_ops.snapshot_label("G06T13", "CN", 2024)
    assert label == "scope=G06T13;country=CN;year=2024"
    assert epo_ops.parse(SEARCH, label=label)[0]["total_result_count"] == 1234
    assert epo_ops.cql_query("G06N3/0475", "WO", 2019) == 'cpc="G06N3/0475" and pn=WO and pd within "20190101,20191231"'


def test_zero_hits_is_a_real_zero():
    body = (
        f'<ops:world-patent-data {OPS}><ops:biblio-search total-result-count="0">'
        '<ops:query syntax="CQL">cpc="H04N21" and pn=KR and pd within "20190101,20191231"</ops:query>'
        "<ops:search-result/></ops:biblio-search></ops:world-patent-data>"
    ).encode()
    record = epo_ops.parse(body)[0]
    assert (
        record["query_scope"],
        record["publication_country"],
        record["publication_year"],
        record["total_result_count"],
        record["range_begin"],
    ) == ("H04N21", "KR", 2019, 0, None)


@pytest.mark.parametrize(
    "body, label, reason",
    [
        (FAULT, "", "OPS fault CLIENT.InvalidQuery: The request was invalid"),
        (
            b'<fault xmlns="http://ops.epo.org"><code>SERVER.EntityNotFound</code><message>No results '
            b"found</message></fault>",
            "",
            "OPS fault SERVER.EntityNotFound",
        ),
        (SEARCH, "scope=H04N21;country=US;year=2020", "disagrees with the query OPS answered"),
        (b"", "", "empty body"),
        (b"<html><head><title>Just a moment...</title></head><body>captcha</body></html>", "", "challenge"),
        (b'{"total": 3}', "", "invalid XML"),
        (
            b'<world-patent-data><biblio-search total-result-count="3"/></world-patent-data>',
            "",
            "is not ops:world-patent-data",
        ),
        (
            f'<ops:world-patent-data {OPS}><ops:meta name="x" value="1"/></ops:world-patent-data>'.encode(),
            "",
            "no ops:biblio-search",
        ),
        (
            f"<ops:world-patent-data {OPS}><ops:biblio-search/></ops:world-patent-data>".encode(),
            "",
            "no total-result-count",
        ),
        (
            f'<ops:world-patent-data {OPS}><ops:biblio-search total-result-count="many"/></ops:world-patent-data>'.encode(),
            "",
            "not a number",
        ),
        (
            f"<ops:world-patent-data {OPS}><ops:biblio-search "
            f'total-result-count="5"><ops:query>applicant=IBM</ops:query>'
            "</ops:biblio-search></ops:world-patent-data>".encode(),
            "",
            "cannot be attributed",
        ),
    ],
)
def test_errors_name_source_and_input(body, label, reason):
    with pytest.raises(ParseError) as info:
        epo_ops.parse(body, where="snapshot epo_ops/abc.xml", label=label)
    message = str(info.value)
    assert message.startswith("epo_ops: cannot parse snapshot epo_ops/abc.xml") and reason in message
