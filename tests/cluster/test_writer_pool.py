"""The one-writer rule of the cluster profile, read from the definitions themselves."""

import dagster as dg

from pipelines.config import load_settings
from pipelines.definitions import build_definitions, executor_for
from pipelines.resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG


def test_every_step_that_opens_the_warehouse_takes_the_writer_pool_and_tag():
    job = build_definitions().resolve_job_def("refresh_all")
    nodes = list(job.graph.iterate_op_defs())
    opening = [op for op in nodes if "duckdb" in op.required_resource_keys]
    # every step but the fetches opens the warehouse: one load per source, one per family and SQL
    # layer, the curated files, claims, outputs and the checks steps
    assert len(opening) == 69 and len(nodes) == 89  # a multi-asset split where other families sit between
    assert {op.pool for op in opening} == {WAREHOUSE_WRITER_POOL}
    assert all(op.tags.get(k) == v for op in opening for k, v in WAREHOUSE_WRITER_TAG.items())
    # the 20 fetch steps open no warehouse, take no pool and no writer tag: they run side by side
    fetching = [op for op in nodes if op not in opening]
    assert sorted(op.name for op in fetching)[:3] == ["fetch_aa_arena", "fetch_alibaba_pricing", "fetch_arena"]
    assert len(fetching) == 20 and all(op.name.startswith("fetch_") for op in fetching)
    assert all(op.pool is None and not set(WAREHOUSE_WRITER_TAG) & set(op.tags) for op in fetching)


def test_the_cluster_profile_runs_steps_in_parallel_processes_with_one_writer_at_a_time():
    default = executor_for(load_settings({}))
    cluster = executor_for(load_settings({"VIDEORACE_PROFILE": "cluster", "VIDEORACE_WORKERS": "3"}))
    assert default is dg.in_process_executor
    assert cluster.name == "multiprocess_one_warehouse_writer"
    assert cluster.executor_creation_fn is not None  # built from dg.multiprocess_executor, configured
