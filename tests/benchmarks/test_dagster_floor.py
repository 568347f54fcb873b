"""benchmarks/dagster_floor.py measures Dagster alone on the refresh job's graph: the stand-in must be
that graph (same assets, dependencies, checks and steps), or the floor measures something else."""

from benchmarks.dagster_floor import stand_in_definitions
from pipelines import definitions


def _shape(defs):
    graph = defs.resolve_asset_graph()
    job = defs.resolve_job_def("floor" if defs is not definitions.defs else "refresh_all")
    deps = {key: sorted(graph.get(key).parent_keys) for key in graph.get_all_asset_keys()}
    return deps, set(graph.asset_check_keys), sorted(node.name for node in job.graph.node_defs)


def test_the_stand_in_is_the_refresh_jobs_graph():
    deps, checks, steps = _shape(stand_in_definitions())
    real_deps, real_checks, real_steps = _shape(definitions.defs)
    assert deps == real_deps and deps
    assert checks == real_checks and checks
    assert steps == real_steps and steps
