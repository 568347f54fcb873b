"""The one-writer rule of the cluster profile, read from the definitions themselves."""

import dagster as dg

from pipelines.config import load_settings
from pipelines.definitions import build_definitions, executor_for
from pipelines.resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG


def test_every_step_that_opens_the_warehouse_takes_the_writer_pool_and_tag():
    job = build_definitions().resolve_job_def("refresh_all")
    nodes = list(job.graph.iterate_op_defs())
    opening = [op for op in nodes if "duckdb" in op.required_resource_keys]
    # every step but the fetches opens the warehouse: one load per source, one per SQL layer, the
    # curated files, claims, changes, the site and the checks steps
    assert len(opening) == 31 and len(nodes) == 51
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


def test_the_run_check_counts_steps_open_at_once():
    import pytest

    from tests.cluster.run_steps import most_at_once, summary

    # SYNTHETIC step times (seconds): what make test-cluster reads from a real run's events
    assert most_at_once([(0, 2), (1, 3), (2, 4)]) == 2  # an end at 2 closes before the start at 2
    assert most_at_once([]) == 0
    steps = {"fetch_arena": (0, 2), "fetch_fred": (1, 2), "load_arena": (2, 3), "load_fred": (3, 4)}
    assert summary(steps, 2).startswith("run steps: 4 (2 fetches, up to 2 at once; 2 writers, one at a time)")
    with pytest.raises(SystemExit, match="steps that open the warehouse overlapped: 2 at once"):
        summary({**steps, "load_fred": (2.5, 4)}, 2)
    with pytest.raises(SystemExit, match="fetch steps ran 1 at a time at most"):
        summary({**steps, "fetch_fred": (5, 6)}, 2)
