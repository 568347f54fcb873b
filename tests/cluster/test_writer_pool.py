"""The one-writer rule of the cluster profile, read from the definitions themselves."""

import dagster as dg

from pipelines.config import load_settings
from pipelines.definitions import build_definitions, executor_for
from pipelines.resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG


def test_every_step_that_opens_the_warehouse_takes_the_writer_pool_and_tag():
    job = build_definitions().resolve_job_def("refresh_all")
    nodes = list(job.graph.iterate_op_defs())
    opening = [op for op in nodes if "duckdb" in op.required_resource_keys]
    # every step of the refresh opens the warehouse today: one per source, per family and SQL layer,
    # the curated files, claims, outputs and the checks steps (was over 90 before checks rode along;
    # 64 before the staging views: one staging step per family with sources)
    assert len(opening) == len(nodes) == 68
    assert {op.pool for op in opening} == {WAREHOUSE_WRITER_POOL}
    assert all(op.tags.get(k) == v for op in opening for k, v in WAREHOUSE_WRITER_TAG.items())


def test_the_cluster_profile_runs_steps_in_parallel_processes_with_one_writer_at_a_time():
    default = executor_for(load_settings({}))
    cluster = executor_for(load_settings({"VIDEORACE_PROFILE": "cluster", "VIDEORACE_WORKERS": "3"}))
    assert default is dg.in_process_executor
    assert cluster.name == "multiprocess_one_warehouse_writer"
    assert cluster.executor_creation_fn is not None  # built from dg.multiprocess_executor, configured
