"""The asset graph is declared by the SQL: every edge into a SQL model is a table its SQL reads and
every table it reads is an edge; nothing reads a table no asset builds; the whole graph (keys,
groups, deps) is a committed snapshot, so any change to it shows in review.

Regenerate the snapshot after an intended change with
    VIDEORACE_UPDATE_GRAPH=1 .venv/bin/pytest -q tests/pipelines/test_asset_graph.py
and commit tests/pipelines/asset_graph.json with the change."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import dagster as dg

from pipelines.config import SQL_DIR
from pipelines.definitions import defs
from pipelines.defs.claims.rules import CLAIMS_SQL, rule_texts
from pipelines.defs.outputs.changes import change_queries
from pipelines.defs.outputs.site_inputs import SITE_SECTIONS, section_tables
from pipelines.defs.sql_assets import WRITTEN_BY
from pipelines.warehouse import tables_read

from ..support import PROJECT_ROOT

SNAPSHOT = Path(__file__).with_name("asset_graph.json")
GRAPH = defs.resolve_asset_graph()
KEYS = {k.to_user_string() for k in GRAPH.get_all_asset_keys()}
MODEL_LAYERS = ("stg", "int", "marts", "out")


def parents(name: str) -> set[str]:
    return {k.to_user_string() for k in GRAPH.get(dg.AssetKey(name)).parent_keys}


def read_by(*sqls: str) -> set[str]:
    return {WRITTEN_BY.get(f"{s}.{t}", t) for sql in sqls for s, t in tables_read(sql)}


def sql_models() -> dict[str, Path]:
    """Every SELECT model file: warehouse/<layer>/<name>.sql."""
    return {p.stem: p for layer in MODEL_LAYERS for p in sorted((SQL_DIR / layer).glob("*.sql"))}


def graph_snapshot() -> dict:
    return {
        key.to_user_string(): {
            "group": GRAPH.get(key).group_name,
            "deps": sorted(p.to_user_string() for p in GRAPH.get(key).parent_keys),
        }
        for key in sorted(GRAPH.get_all_asset_keys(), key=lambda k: k.to_user_string())
    }


def test_every_sql_model_is_an_asset_and_its_edges_are_its_table_references():
    models = sql_models()
    assert set(models) <= KEYS, sorted(set(models) - KEYS)
    for name, path in models.items():
        assert parents(name) == read_by(path.read_text(encoding="utf-8")), name


def test_python_assets_that_run_sql_depend_on_exactly_what_it_reads():
    assert parents("fct_claim_verdicts") == read_by(CLAIMS_SQL, *rule_texts().values())
    assert parents("fct_changes") == read_by(*change_queries().values())
    site = parents("dashboard_site")
    assert read_by(*(f"SELECT * FROM {t}" for t in section_tables())) <= site
    published = {
        k.to_user_string()
        for k in GRAPH.get_all_asset_keys()
        if GRAPH.get(k).tags.get("layer") in ("marts", "out") and k.to_user_string() != "fct_changes"
    }
    assert site == published | {"fct_changes"}


def test_no_sql_reads_a_table_no_asset_builds():
    files = [*sql_models().values(), *(SQL_DIR / "claims").glob("*.sql"), *(SQL_DIR / "queries").glob("changes_*.sql")]
    for path in files:
        unknown = read_by(path.read_text(encoding="utf-8")) - KEYS
        assert not unknown, f"{path.relative_to(SQL_DIR)} reads {sorted(unknown)}, which no asset builds"
    assert read_by(*(f"SELECT * FROM {t}" for t in section_tables())) <= KEYS


def test_a_reference_to_an_unbuilt_table_would_fail():
    assert read_by("with marts_x as (select 1) select * from marts.fct_nowhere, marts_x") == {"fct_nowhere"}
    assert "fct_nowhere" not in KEYS


def test_table_references_come_from_the_parse_tree():
    sql = """with fct_releases as (select * from raw.raw_curated__releases)
             select * from fct_releases
             join (select * from int.int_fx_series) using (x)
             asof join marts.dim_labs l on l.a >= fct_releases.a
             where exists (select 1 from "out".out_patent_counts)"""
    assert tables_read(sql) == {
        ("raw", "raw_curated__releases"),
        ("int", "int_fx_series"),
        ("out", "out_patent_counts"),
        ("marts", "dim_labs"),
    }


def test_every_table_the_dashboards_name_is_a_declared_site_input():
    declared = set(section_tables()) | set(WRITTEN_BY)
    named = set()
    for path in (PROJECT_ROOT / "dashboards").rglob("*.py"):
        named |= set(re.findall(r"\b((?:marts|out)\.(?:fct|dim|out)_[a-z0-9_]+)", path.read_text(encoding="utf-8")))
    named -= {"marts.fct_x"}  # a docstring example in dashboards/site.py
    assert named <= declared, sorted(named - declared)
    from dashboards.sections import section_modules

    for module in section_modules():
        section = module.__name__.rsplit(".", 1)[-1]
        tables = {t if "." in t else f"out.{t}" for t in module.OUT_TABLES}
        assert tables <= set(SITE_SECTIONS[section]), section


def test_asset_graph_matches_the_committed_snapshot():
    now = graph_snapshot()
    if os.environ.get("VIDEORACE_UPDATE_GRAPH"):
        SNAPSHOT.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    changed = sorted(k for k in committed.keys() | now.keys() if committed.get(k) != now.get(k))
    assert not changed, (
        f"the asset graph changed at {changed}: regenerate with VIDEORACE_UPDATE_GRAPH=1 (see docstring)"
    )
