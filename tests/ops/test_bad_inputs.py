"""The bad-input corpus (tests/fixtures/bad_inputs, synthetic): every case ends in a clear
ParseError naming source and input, a row flagged by a business rule with its reason, or text
kept verbatim. Never another exception, never a silently wrong value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.defs.ops.rules import RULES, rules_for_source, violations
from videorace_scrapers.parsers import ParseError, get_parser

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "bad_inputs"
CASES = [json.loads(line) for line in (CORPUS / "cases.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_corpus_is_broad():
    assert len(CASES) >= 56  # the 46 of before, and the issue-11 cases
    assert {c["parser"] for c in CASES} >= {
        "arena",
        "fred",
        "ecb",
        "stock_csv",
        "yahoo",
        "runway_pricing",
        "gemini_pricing",
    }
    assert {c["file"].rsplit(".", 1)[1] for c in CASES} >= {"json", "csv", "html", "xml", "md"}
    assert sorted(p.name for p in CORPUS.iterdir() if p.name not in ("cases.jsonl", "README.md")) == sorted(
        c["file"] for c in CASES
    )


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_bad_input(case):
    parser = get_parser(case["parser"])
    where = f"snapshot bad_inputs/{case['file']}"
    body = (CORPUS / case["file"]).read_bytes()
    if case["expect"] == "parse_error":
        with pytest.raises(ParseError) as caught:
            parser.parse(body, where=where, **case["options"])
        assert type(caught.value) is ParseError
        assert str(caught.value).startswith(f"{case['parser']}: cannot parse {where}: ")
        assert case["detail"] in caught.value.reason
        return
    records = parser.parse(body, where=where, **case["options"])
    found = violations(case["parser"], records)
    if case["expect"] == "rejected":
        flagged = [v for v in found if f"breaks {case['detail']} (" in v]
        assert len(flagged) >= 1, found
        assert flagged[0].startswith("record_index=")  # which row, and why
        if "severity" in case:  # impossible: the row is also held back from every mart (quarantine.py)
            (rule,) = [r for r in rules_for_source(case["parser"]) if r.name == case["detail"]]
            assert rule.severity == case["severity"]
        return
    assert case["expect"] == "verbatim"
    assert found == []
    for field, value in case["detail"].items():
        assert records[0][field] == value


def test_every_rule_has_a_corpus_case_or_is_a_mart_rule():
    covered = {c["detail"] for c in CASES if c["expect"] == "rejected"}
    sources_in_corpus = {c["parser"] for c in CASES}
    for rule in RULES:
        if rule.source in sources_in_corpus and rule.source in ("arena", "fred", "ecb", "openrouter"):
            assert rule.name in covered, rule


def test_duplicate_keys_are_refused_not_resolved():
    body = (
        b'{"meta": {"leaderboard": "text-to-video", "fetched_at": "2026-07-12T00:00:00Z"}, "models": [], "models": []}'
    )
    with pytest.raises(ParseError, match="duplicate key 'models'"):
        get_parser("arena").parse(body, where="inline")
