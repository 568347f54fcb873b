"""One job per cadence, built from the registry: a cadence's job refreshes the sources whose
registry row has that cadence (their assets carry the tag ``cadence``) and everything built from
them (marts, site); its cron is the cadence's row in warehouse/seeds/cadences.csv."""

from __future__ import annotations

import dagster as dg

from videorace_scrapers.registry import cadences

from .sources import SOURCES

# the curated seeds are no source: they ride along with the most frequent job
SEEDS_GROUP, SEEDS_CADENCE = "curated", "daily"

refresh_all = dg.define_asset_job(
    "refresh_all", selection=dg.AssetSelection.all(), description="Every source, mart and output."
)


def build_jobs_and_schedules() -> tuple[list, list]:
    jobs, schedules = [refresh_all], []
    for cadence in cadences().values():
        names = sorted(s.name for s in SOURCES.values() if s.cadence == cadence.name)
        if not names:
            continue
        selection = dg.AssetSelection.tag("cadence", cadence.name)
        if cadence.name == SEEDS_CADENCE:
            selection = selection | dg.AssetSelection.groups(SEEDS_GROUP)
        job = dg.define_asset_job(
            f"refresh_{cadence.name}",
            selection=selection.downstream(),
            description=f"{cadence.name.title()} refresh of {', '.join(names)} and everything built from them.",
        )
        jobs.append(job)
        schedules.append(
            dg.ScheduleDefinition(
                name=f"{cadence.name}_refresh", job=job, cron_schedule=cadence.cron_utc, execution_timezone="UTC"
            )
        )
    return jobs, schedules
