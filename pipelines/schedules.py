"""One job per cadence, each refreshing its families and everything downstream (marts, site)."""

from __future__ import annotations

import dagster as dg

# family (asset group) -> cadence; the curated seeds ride along with the daily job.
FAMILY_CADENCE = {
    "curated": "daily",
    "leaderboards": "daily",
    "stocks": "daily",
    "fx": "daily",
    "openness": "daily",
    "pricing": "weekly",
    "releases": "weekly",
    "patents": "monthly",
}
CRON = {"daily": "0 6 * * *", "weekly": "0 7 * * 1", "monthly": "0 8 1 * *"}

refresh_all = dg.define_asset_job(
    "refresh_all", selection=dg.AssetSelection.all(), description="Every source, mart and output."
)


def build_jobs_and_schedules() -> tuple[list, list]:
    jobs, schedules = [refresh_all], []
    for cadence, cron in CRON.items():
        groups = [family for family, c in FAMILY_CADENCE.items() if c == cadence]
        job = dg.define_asset_job(
            f"refresh_{cadence}",
            selection=dg.AssetSelection.groups(*groups).downstream(),
            description=f"{cadence.title()} refresh of {', '.join(groups)} and everything built from them.",
        )
        jobs.append(job)
        schedules.append(
            dg.ScheduleDefinition(name=f"{cadence}_refresh", job=job, cron_schedule=cron, execution_timezone="UTC")
        )
    return jobs, schedules
