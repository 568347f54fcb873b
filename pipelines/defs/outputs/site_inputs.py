"""What the published site reads, per part of the site: the one place the dashboard asset's
upstream assets come from. Each dashboards/sections module's OUT_TABLES must appear under its name
here, and every table the dashboards package names must appear somewhere
(tests/pipelines/test_asset_graph.py holds both to it)."""

SITE_SECTIONS: dict[str, tuple[str, ...]] = {
    "overview": (  # headline numbers, the page list and every page's data-through header
        "marts.dim_boards",
        "marts.dim_source_data_through",
        "marts.dim_sources",
        "marts.fct_leaderboard_entries",
        "marts.fct_patent_counts",
        "marts.fct_releases",
        "marts.fct_claim_verdicts",
        "out.out_event_study",
        "out.out_price_country_summary",
        "out.out_cadence_versions_quarterly",
        "out.out_quality_days_behind",
    ),
    "names": ("marts.dim_labs", "marts.dim_listings", "marts.dim_models", "out.out_event_study"),
    "methodology": ("marts.dim_labs", "marts.fct_changes"),
    "changes": ("marts.fct_changes",),
    "q1_quality": (
        "out.out_leaderboard_country_daily",
        "out.out_quality_leader_daily",
        "out.out_quality_days_behind",
        "marts.fct_leaderboard_entries",
    ),
    "q2_price": (
        "out.out_price_per_second",
        "out.out_price_country_summary",
        "out.out_price_quality_points",
        "out.out_price_quality_levels",
        "out.out_price_quality_frontier_moves",
    ),
    "q3_cadence": (
        "out.out_cadence_timeline",
        "out.out_cadence_quarterly",
        "out.out_cadence_version_gaps",
        "out.out_cadence_versions",
        "out.out_cadence_versions_quarterly",
        "marts.fct_model_version_dates",
    ),
    "q4_openness": ("out.out_open_share_yearly", "out.out_open_arena_top10", "out.out_open_downloads_by_country"),
    "q5_patents": ("out.out_patent_counts",),
    "q6_markets": ("out.out_event_study", "out.out_event_study_daily", "out.out_market_moves_reported_vs_computed"),
    "q7_claims": ("marts.fct_claim_verdicts",),
}

# The full-data download publishes every table of these layers, whichever exist: the site runs
# after every SQL model of them.
FULL_DATA_LAYERS = ("marts", "out")


def section_tables() -> list[str]:
    """Every 'schema.table' a section reads, once, in name order."""
    return sorted({t for tables in SITE_SECTIONS.values() for t in tables})
