-- Per source: the latest refresh outcome, when its newest snapshot was first seen, how many
-- snapshots it has, and its mode. Curated seed files appear as sources named curated_<file>.
with latest_run as (
    select source, status, message, run_started_at, mode
    from raw.source_runs
    qualify row_number() over (partition by source order by run_started_at desc) = 1
),
last_ok as (
    select source, max(run_started_at) as last_ok_at
    from raw.source_runs where status in ('ok', 'unchanged', 'partial')
    group by source
),
snaps as (
    select source, count(*) as snapshots, max(fetched_at) as newest_snapshot_at, max(last_seen_at) as last_seen_at,
           string_agg(distinct mode, ',') as modes
    from raw.snapshots group by source
)
select
    coalesce(s.source, r.source) as source,
    r.status as last_status,
    r.run_started_at as last_run_at,
    o.last_ok_at,
    s.snapshots,
    s.newest_snapshot_at,
    s.last_seen_at,
    coalesce(r.mode, s.modes) as mode,
    r.message
from snaps as s
full outer join latest_run as r using (source)
left join last_ok as o on o.source = coalesce(s.source, r.source)
order by source
