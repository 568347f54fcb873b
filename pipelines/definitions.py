"""The Dagster code location: every family's definitions, the resources, schedules and executor."""

from __future__ import annotations

import dagster as dg

from .defs import family_definitions
from .resources import build_resources
from .schedules import build_jobs_and_schedules


def build_definitions(resources: dict | None = None) -> dg.Definitions:
    merged = dg.Definitions.merge(*family_definitions().values())
    jobs, schedules = build_jobs_and_schedules()
    return dg.Definitions.merge(
        merged,
        dg.Definitions(
            jobs=jobs, schedules=schedules, resources=resources or build_resources(), executor=dg.in_process_executor
        ),
    )


defs = build_definitions()
