"""The Dagster code location: every family's definitions, the resources, schedules and executor.

The default profile runs every step in one process. The cluster profile (VIDEORACE_PROFILE=cluster,
deploy/README.md) runs steps in parallel processes: the multiprocess executor, its processes forked
from a server that has imported this module once (so a step does not pay the imports again), and
at most one step at a time holding the warehouse (resources.WAREHOUSE_WRITER_POOL).

A new family package is added to FAMILIES; its folder is its group."""

from __future__ import annotations

import dagster as dg

from .config import Settings, load_settings
from .defs import (
    claims,
    curated,
    dimensions,
    fx,
    leaderboards,
    markets,
    openness,
    ops,
    outputs,
    patents,
    pricing,
    quality,
    releases,
    stocks,
)
from .defs.bundle import definitions
from .resources import WAREHOUSE_WRITER_TAG, build_resources
from .schedules import build_jobs_and_schedules

# source families (each owns its sources, staging and facts), the shared dimensions, then the
# cross-family questions (Q1 quality, Q6 markets, Q7 claims); ops and outputs attach to them all.
FAMILIES = (curated, dimensions, fx, leaderboards, releases, pricing, openness, patents, stocks)
QUESTIONS = (quality, markets, claims)


def family_definitions() -> dg.Definitions:
    """The families', the operations checks on them and the outputs built from them."""
    families = definitions(*(package.declared for package in (*FAMILIES, *QUESTIONS)))
    return dg.Definitions.merge(families, ops.build_defs(families), outputs.build_defs(families))


def executor_for(settings: Settings) -> dg.ExecutorDefinition:
    if settings.profile != "cluster":
        return dg.in_process_executor
    key, value = next(iter(WAREHOUSE_WRITER_TAG.items()))
    return dg.multiprocess_executor.configured(
        {
            "max_concurrent": settings.workers,
            # dagster_postgres too: each step process builds the instance from Postgres, and
            # importing the driver there cost about 5 s a step on this machine
            "start_method": {"forkserver": {"preload_modules": ["pipelines.definitions", "dagster_postgres"]}},
            # the run's own queue for the one-writer rule: a blocked step waits in memory and starts
            # the moment the writer before it ends. The pool (instance-wide, on Postgres) still
            # keeps two runs apart; inside a run this limit means only one step ever asks for it.
            "tag_concurrency_limits": [{"key": key, "value": value, "limit": 1}],
        },
        name="multiprocess_one_warehouse_writer",
    )


def build_definitions(resources: dict | None = None, settings: Settings | None = None) -> dg.Definitions:
    settings = settings or load_settings()
    jobs, schedules = build_jobs_and_schedules()
    sensors = []
    if settings.profile == "cluster":
        from .publish_sensor import publish_after_scheduled_run

        sensors.append(publish_after_scheduled_run)
    return dg.Definitions.merge(
        family_definitions(),
        dg.Definitions(
            jobs=jobs,
            schedules=schedules,
            sensors=sensors,
            resources=resources or build_resources(settings),
            executor=executor_for(settings),
        ),
    )


defs = build_definitions()


def refresh_job() -> dg.JobDefinition:
    """`refresh_all`, rebuilt by name in every step process of a cluster refresh (dg.reconstructable
    needs a module-level function)."""
    return defs.resolve_job_def("refresh_all")


def refresh_job_with_progress() -> dg.JobDefinition:
    """`refresh_all` with the step-line logger, rebuilt by name in every step process of a cluster
    refresh (dg.reconstructable needs a module-level function)."""
    from .progress import progress_logger

    return defs.resolve_job_def("refresh_all").with_logger_defs({"progress": progress_logger})


if load_settings().profile == "cluster":
    # Resolved here, so the forkserver that preloads this module holds the resolved job and every
    # step process forked from it starts without resolving ~130 assets again (about 1 s a step).
    refresh_job()
