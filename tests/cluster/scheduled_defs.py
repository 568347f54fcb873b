"""make test-cluster's code location for the scheduled refresh (deploy/test-cluster.sh, step 5): the
pipeline's own definitions (cluster profile: executor, pool, publish sensor) plus one test schedule.

The real schedules (pipelines/schedules.py) tick once a day or week, so a test cannot wait for them.
This one ticks every minute and targets one source and everything built from it, the same selection
as the script's second refresh. It asks for one run only: once the instance has a run of its job,
later ticks skip, so a refresh longer than a minute is never followed by a second one.
"""

from __future__ import annotations

import dagster as dg

from pipelines import definitions
from pipelines.sources import get_source

SOURCE = get_source("owid_patents")
JOB_NAME = "test_cluster_scheduled_refresh"
SCHEDULE_NAME = "test_cluster_every_minute"

scheduled_refresh = dg.define_asset_job(
    JOB_NAME,
    selection=dg.AssetSelection.assets(
        dg.AssetKey(f"snapshots_{SOURCE.family}__{SOURCE.name}"), dg.AssetKey(SOURCE.raw_table)
    ).downstream(),
    description="make test-cluster: one source and everything built from it, started by the daemon.",
)


@dg.schedule(
    name=SCHEDULE_NAME,
    job=scheduled_refresh,
    cron_schedule="* * * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
def every_minute_once(context: dg.ScheduleEvaluationContext):
    if context.instance.get_runs_count(dg.RunsFilter(job_name=JOB_NAME)):
        return dg.SkipReason(f"{JOB_NAME} already ran: make test-cluster wants one scheduled run")
    return dg.RunRequest(run_key=f"{SCHEDULE_NAME}-once")


# the module, not its `defs`: Dagster refuses a code location module with two Definitions at module scope
defs = dg.Definitions.merge(definitions.defs, dg.Definitions(jobs=[scheduled_refresh], schedules=[every_minute_once]))
