"""A SQL layer step builds its models one step ahead of Dagster (pipelines/defs/ahead.py); through
Dagster, a model that fails mid-step behaves as it did built in the step's own thread: the models
before it are materialised and committed, it keeps its last good rows, the ones after it are not
built, and the step fails with the real error."""

from __future__ import annotations

import os
from unittest.mock import patch

import dagster as dg
import duckdb

from tests.support import copy_warehouse, pipeline_env

# the marts step builds these in this order (dependencies first, then by name; fct_patent_counts reads
# neither of the others)
MODELS = ("dim_labs", "fct_releases", "fct_patent_counts")


def test_a_failing_model_stops_its_step_after_the_models_before_it(replay_warehouse, tmp_path):
    from pipelines.config import load_settings
    from pipelines.definitions import build_definitions
    from pipelines.resources import build_resources

    warehouse = copy_warehouse(replay_warehouse, tmp_path)
    con = duckdb.connect(str(warehouse))
    try:
        releases = con.execute("SELECT count(*) FROM marts.fct_releases").fetchall()[0][0]
        con.execute("DROP TABLE int.int_release_events")  # what fct_releases reads (neither of the others does)
        con.execute("UPDATE marts.dim_labs SET country_code = 'XX'")  # rebuilt by the step: must be undone
        con.execute("DELETE FROM marts.fct_patent_counts")  # after the failure: must not be rebuilt
    finally:
        con.close()
    with patch.dict(os.environ, pipeline_env(tmp_path)):
        defs = build_definitions(build_resources(load_settings()))
        result = defs.resolve_job_def("refresh_all").execute_in_process(
            instance=dg.DagsterInstance.ephemeral(),
            raise_on_error=False,
            asset_selection=[dg.AssetKey(m) for m in MODELS],
        )
    materialized = [e.asset_key.to_user_string() for e in result.get_asset_materialization_events()]
    assert materialized == ["dim_labs"]
    [failure] = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert failure.step_key == "marts_models"
    assert "int_release_events" in str(failure.step_failure_data.error)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM marts.dim_labs WHERE country_code = 'XX'").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM marts.fct_releases").fetchall() == [(releases,)]  # last good rows
        assert con.execute("SELECT count(*) FROM marts.fct_patent_counts").fetchall() == [(0,)]  # never built
    finally:
        con.close()
