"""make test-cluster's test schedule (tests/cluster/scheduled_defs.py): one run, then skips."""

import dagster as dg

from tests.cluster import scheduled_defs


def test_the_test_schedule_asks_for_one_run_of_one_source_and_what_is_built_from_it():
    job = scheduled_defs.defs.resolve_job_def(scheduled_defs.JOB_NAME)
    keys = {key.to_user_string() for key in job.asset_layer.selected_asset_keys}
    assert {"snapshots_patents__owid_patents", "raw_patents__owid_patents", "dashboard_site"} <= keys
    assert sorted(key for key in keys if key.startswith(("raw_", "snapshots_"))) == [
        "raw_patents__owid_patents",
        "snapshots_patents__owid_patents",
    ]  # no other source is fetched or loaded
    schedule = scheduled_defs.defs.resolve_schedule_def(scheduled_defs.SCHEDULE_NAME)
    assert schedule.cron_schedule == "* * * * *"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    with dg.instance_for_test() as instance:
        first = schedule.evaluate_tick(dg.build_schedule_context(instance=instance))
        assert [r.run_key for r in first.run_requests or []] == ["test_cluster_every_minute-once"]
        instance.add_run(dg.DagsterRun(job_name=scheduled_defs.JOB_NAME, run_id="0" * 36))
        second = schedule.evaluate_tick(dg.build_schedule_context(instance=instance))
        assert not second.run_requests
        assert "already ran" in (second.skip_message or "")
