"""Definitions load; names follow the conventions; every raw asset has a source record and spider."""

from __future__ import annotations

import subprocess
import sys

import dagster as dg

from pipelines.definitions import defs
from pipelines.sources import SOURCES
from tests.support import PROJECT_ROOT


def test_definitions_load_with_schedules_per_cadence():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {
        "raw_leaderboards__arena",
        "fct_leaderboard_entries",
        "out_leaderboard_country_daily",
        "dashboard_site",
    } <= keys
    schedules = {s.name for s in defs.schedules}
    assert {"daily_refresh", "weekly_refresh", "monthly_refresh"} <= schedules


def test_asset_names_carry_their_layer():
    prefixes = ("snapshots_", "raw_", "stg_", "int_", "dim_", "fct_", "out_", "dashboard_", "mart_", "export")
    for key in defs.resolve_asset_graph().get_all_asset_keys():
        assert key.to_user_string().startswith(prefixes), key


def test_every_raw_source_has_a_source_record_and_a_spider():
    spiders = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=PROJECT_ROOT / "scrapers",
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.split()
    for key in defs.resolve_asset_graph().get_all_asset_keys():
        name = key.to_user_string()
        if name.startswith("raw_") and not name.startswith("raw_curated__"):
            family, source = name.removeprefix("raw_").split("__")
            assert source in SOURCES and SOURCES[source].family == family
            assert f"{family}_{source}" in spiders


def test_every_fact_table_has_key_checks():
    checked = {c.asset_key.to_user_string() for c in defs.resolve_asset_graph().asset_check_keys}
    for key in defs.resolve_asset_graph().get_all_asset_keys():
        name = key.to_user_string()
        if name.startswith(("fct_", "raw_")):
            assert name in checked, f"{name} has no asset checks"


def test_assets_have_descriptions_and_groups():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        assert node.group_name and node.group_name != "default", key
    assert isinstance(defs, dg.Definitions)
