"""The Dagster code location: every family's definitions, named here, with the resources, schedules
and executor. A new family package is added to FAMILIES; its folder is its group."""

from __future__ import annotations

import dagster as dg

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
from .resources import build_resources
from .schedules import build_jobs_and_schedules

# source families (each owns its sources, staging and facts), the shared dimensions, then the
# cross-family questions (Q1 quality, Q6 markets, Q7 claims); ops and outputs attach to them all.
FAMILIES = (curated, dimensions, fx, leaderboards, releases, pricing, openness, patents, stocks)
QUESTIONS = (quality, markets, claims)


def family_definitions() -> dg.Definitions:
    """The families', the operations checks on them and the outputs built from them."""
    families = dg.Definitions.merge(*(package.defs for package in (*FAMILIES, *QUESTIONS)))
    return dg.Definitions.merge(families, ops.build_defs(families), outputs.build_defs(families))


def build_definitions(resources: dict | None = None) -> dg.Definitions:
    jobs, schedules = build_jobs_and_schedules()
    return dg.Definitions.merge(
        family_definitions(),
        dg.Definitions(
            jobs=jobs, schedules=schedules, resources=resources or build_resources(), executor=dg.in_process_executor
        ),
    )


defs = build_definitions()
