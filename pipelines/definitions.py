"""The Dagster code location: every family's definitions, the resources, schedules and executor."""

from __future__ import annotations

import importlib
import pkgutil

import dagster as dg

from . import defs as defs_package
from .resources import build_resources
from .schedules import build_jobs_and_schedules


def family_definitions() -> list[dg.Definitions]:
    found = []
    for info in sorted(pkgutil.iter_modules(defs_package.__path__), key=lambda i: i.name):
        if info.ispkg:
            module = importlib.import_module(f"{defs_package.__name__}.{info.name}")
            if isinstance(getattr(module, "defs", None), dg.Definitions):
                found.append(module.defs)
    return found


def build_definitions(resources: dict | None = None) -> dg.Definitions:
    merged = dg.Definitions.merge(*family_definitions())
    jobs, schedules = build_jobs_and_schedules()
    return dg.Definitions.merge(
        merged,
        dg.Definitions(jobs=jobs, schedules=schedules, resources=resources or build_resources(),
                       executor=dg.in_process_executor),
    )


defs = build_definitions()
