"""The patents family alone (its Dagster group and what it reads: the recorded OWID/CSET series and
the curated patent counts) materialised into an empty warehouse: a break in this family fails here,
before the full replay. Real values of the committed rows."""

from __future__ import annotations

from tests.support import materialize_family, query


def test_the_patents_family_builds_counts_and_per_million(tmp_path):
    materialize_family(tmp_path, "patents")
    warehouse = tmp_path / "videorace.duckdb"
    assert query(
        warehouse,
        """SELECT owid_code, country_code, year, applications_per_million FROM marts.fct_patent_applications_per_million
           WHERE owid_code IN ('CHN', 'USA') AND year = 2019 ORDER BY 1""",
    ) == [("CHN", "CN", 2019, 30.824991), ("USA", "US", 2019, 43.17179)]
    assert query(warehouse, "SELECT count(*) FROM marts.fct_patent_applications_per_million") == [(294,)]
    wipo = query(
        warehouse,
        """SELECT country_code, period, count, record_source FROM marts.fct_patent_counts
           WHERE scope = 'generative AI inventions (WIPO Patent Landscape Report)' AND country_code IN ('CN', 'US')
           ORDER BY 1""",
    )
    assert wipo == [
        ("CN", "2014-2023", 38210, "patents_reported_csv"),
        ("US", "2014-2023", 6276, "patents_reported_csv"),
    ]
    assert query(warehouse, "SELECT count(*) FROM marts.fct_patent_counts") == [(8,)]  # no EPO counts in replay
