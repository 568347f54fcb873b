"""Q7 claims ledger: C1 computed from the newest arena data (partly: no country leads every board),
verdicts kept per refresh day (two days -> two rows per claim; a same-day rerun replaces), and a
rule whose tables are missing reports 'insufficient data' instead of crashing."""

from __future__ import annotations

import re
import shutil
from datetime import date

import duckdb
import polars as pl
import pytest

from dashboards.figures.claims import claims_table_html
from pipelines.defs.claims.rules import evaluate_claims, run_rule


@pytest.fixture
def scratch_con(replay_warehouse, tmp_path):
    """A writable copy of the replay warehouse (the session's copy stays read-only)."""
    path = tmp_path / "claims.duckdb"
    shutil.copy(replay_warehouse / "videorace.duckdb", path)
    con = duckdb.connect(str(path))
    yield con
    con.close()


def verdicts(con, day: str) -> dict[str, str]:
    return dict(
        con.execute(
            "SELECT claim_id, verdict FROM marts.fct_claim_verdicts WHERE refresh_date = CAST(? AS DATE)", [day]
        ).fetchall()
    )


def test_c1_is_partly_on_the_newest_boards(warehouse_con):
    row = warehouse_con.execute("""SELECT verdict, value, reason, warehouse_evidence, warehouse_source_urls,
                                          curated_evidence_urls, curated_row
                                   FROM marts.fct_claim_verdicts WHERE claim_id = 'C1'""").fetchall()
    verdict, value, reason, evidence, urls, curated, curated_row = row[0]
    assert verdict == "partly"
    assert "arena.ai text-to-video 2026-10-10: #1 gemini-omni-1.1-flash (US)" in value
    assert "Early 2026 (arena.ai, 2026-03-19..04-30): China #1 on 24 of 64 board-days." in value
    assert "clear leads US on arena text-to-video" in reason
    assert evidence.startswith("out.out_quality_leader_daily")
    assert "data/2026-10-10/text-to-video.json" in urls
    assert curated.startswith("https://raw.githubusercontent.com/oolong-tea-2026/") and curated_row == 1


def test_every_claim_has_an_honest_verdict(warehouse_con):
    got = dict(warehouse_con.execute("SELECT claim_id, verdict FROM marts.fct_claim_verdicts").fetchall())
    assert len(got) == 9
    assert got["C6"] == "partly"  # patents CN > US on WIPO and Stanford; publications/STEM not held
    assert got["C7"] == "partly"  # Kling clearly beats Runway on some board-days, never Sora
    assert got["C9"] == "insufficient data" and got["C5"] == "partly" and got["C4"] == "refuted"
    c6 = warehouse_con.execute("SELECT value FROM marts.fct_claim_verdicts WHERE claim_id = 'C6'").fetchall()[0][0]
    assert "2014-2023: CN 38210 vs US 6276 (6.1x)" in c6 and "CN >44000 vs US >15000" in c6


def test_history_one_row_per_claim_and_refresh_day(scratch_con):
    scratch_con.execute("DELETE FROM marts.fct_claim_verdicts")
    evaluate_claims(scratch_con, refresh_date=date(2026, 9, 1))
    evaluate_claims(scratch_con, refresh_date=date(2026, 9, 2))
    per_claim = scratch_con.execute("""SELECT claim_id, count(*), count(DISTINCT refresh_date)
                                       FROM marts.fct_claim_verdicts GROUP BY claim_id ORDER BY claim_id""").fetchall()
    assert per_claim == [(f"C{i}", 2, 2) for i in range(1, 10)]
    assert verdicts(scratch_con, "2026-09-01")["C1"] == verdicts(scratch_con, "2026-09-02")["C1"] == "partly"
    # Rerun the same day after the arena table disappeared: that day's rows are replaced, the other day stays.
    scratch_con.execute("DROP TABLE out.out_quality_leader_daily")
    evaluate_claims(scratch_con, refresh_date=date(2026, 9, 2))
    assert scratch_con.execute("SELECT count(*) FROM marts.fct_claim_verdicts").fetchall() == [(18,)]
    assert verdicts(scratch_con, "2026-09-01")["C1"] == "partly"
    assert verdicts(scratch_con, "2026-09-02")["C1"] == "insufficient data"
    reason = scratch_con.execute("""SELECT reason FROM marts.fct_claim_verdicts
                                    WHERE claim_id = 'C1' AND refresh_date = DATE '2026-09-02'""").fetchall()[0][0]
    assert reason == "the tables this rule reads are not built yet: missing out.out_quality_leader_daily"


def test_missing_or_broken_tables_never_crash(scratch_con):
    scratch_con.execute("DROP TABLE IF EXISTS marts.fct_releases")
    result = run_rule(scratch_con, "C3")
    assert (result["verdict"], result["value"]) == ("insufficient data", None)
    assert "missing marts.fct_releases" in result["reason"]
    # A table that exists with other columns than the rule expects: named, not a crash.
    scratch_con.execute("CREATE OR REPLACE TABLE marts.fct_price_observations (model VARCHAR)")
    result = run_rule(scratch_con, "C4")
    assert result["verdict"] == "insufficient data"
    assert result["reason"].startswith("the rule could not run on the current warehouse: Binder Error")
    assert re.search(r'Referenced column "\w+" not found', result["reason"])  # the missing column, named
    assert run_rule(scratch_con, "C99")["reason"] == "no rule written yet (warehouse/claims/C99.sql)"


def test_claims_table_escapes_text_and_links():
    evil = '<script>alert("x")</script>'
    rows = pl.DataFrame(
        [
            {
                "claim_id": "C1",
                "claim_text": evil,
                "value_in_article": evil,
                "verdict": "partly",
                "previous_verdict": "refuted",
                "previous_refresh_date": "2026-09-01",
                "value": evil,
                "reason": evil,
                "warehouse_evidence": evil,
                "warehouse_source_urls": "javascript:alert(1) ; https://example.org/a?b=<x>",
                "refresh_date": "2026-09-02",
                "curated_evidence_urls": f"https://example.org/{evil}",
            }
        ]
    )
    html = claims_table_html(rows)
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "was refuted on 2026-09-01" in html


def test_dashboard_claims_section(replay_warehouse):
    html = (replay_warehouse / "site" / "claims.html").read_text(encoding="utf-8")
    assert 'id="claims-ledger"' in html and html.count('<tr id="claim-C') == 9
    assert "Of 9 press claims, " in html
