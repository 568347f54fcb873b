"""Q5 on the replay warehouse: no EPO counts (live only), the curated anchors with their period as
text, and the dashboard's WIPO bar with its note that the yearly series is live only."""

from __future__ import annotations


def test_anchor_figures_keep_their_period(warehouse_con):
    rows = warehouse_con.execute("""
        SELECT source, country_code, period, year, count, is_lower_bound, curated_row
        FROM marts.fct_patent_counts WHERE country_code IN ('CN', 'US') ORDER BY source, country_code""").fetchall()
    assert rows == [
        ("Stanford HAI 2024", "CN", "2017-2023", None, 44000, True, 7),
        ("Stanford HAI 2024", "US", "2017-2023", None, 15000, True, 8),
        ("WIPO 2024", "CN", "2014-2023", None, 38210, False, 1),
        ("WIPO 2024", "US", "2014-2023", None, 6276, False, 2),
    ]
    assert warehouse_con.execute(
        "SELECT count(*) FROM marts.fct_patent_counts WHERE record_source = 'epo_ops'"
    ).fetchall() == [(0,)]


def test_out_table_carries_the_wipo_anchor_alongside(warehouse_con):
    rows = warehouse_con.execute("""
        SELECT source, country_code, count, wipo_genai_families, wipo_period FROM out.out_patent_counts
        WHERE country_code IN ('US', 'ALL') ORDER BY source, country_code""").fetchall()
    assert rows == [
        ("Stanford HAI 2024", "US", 15000, 6276, "2014-2023"),
        ("WIPO 2024", "ALL", 17996, None, None),
        ("WIPO 2024", "US", 6276, 6276, "2014-2023"),
    ]


def test_epo_source_recorded_without_rows_in_replay(warehouse_con):
    # the three recorded OPS answers are client examples (ti=battery, pa=Siemens, H04W): loaded raw,
    # never counted as patents of a scope
    assert warehouse_con.execute(
        "SELECT count(*) FROM raw.raw_patents__epo_ops WHERE query_scope IS NULL"
    ).fetchall() == [(3,)]
    assert warehouse_con.execute(
        "SELECT count(*) FROM marts.fct_patent_counts WHERE record_source = 'epo_ops'"
    ).fetchall() == [(0,)]


def test_dashboard_patent_section(replay_warehouse):
    html = (replay_warehouse / "site" / "patents.html").read_text(encoding="utf-8")
    assert (
        "China holds the most generative-AI patent families: CN 38,210 vs US 6,276 (6.1x), 2014-2023 (WIPO 2024)"
        in html
    )
    assert "EPO OPS yearly counts per CPC scope" in html and "live only" in html
    assert "https://globaldiasporanews.com/china-based-inventors-lead-on-global-genai-patents-un-report" in html
