-- Per source: the latest refresh outcome, when its newest snapshot was first seen, how many
-- snapshots it has, its mode, the date its data runs to, and whether it is stale at $now. Curated
-- seed files appear as sources named curated_<file> (stale only when they failed to load).
-- The caller provides source_cadences(source, family, max_age_days) and
-- source_data_through(source, data_through): the pipeline from the registry and the SQL of
-- marts.dim_source_data_through run over the raw tables; the site from marts.dim_sources and
-- marts.dim_source_data_through (the same rows).
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
           string_agg(distinct mode, ',' order by mode) as modes
    from raw.snapshots group by source
),
status as (
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
)
select
    status.*,
    d.data_through,
    date_diff('day', d.data_through, cast($now::timestamptz as date)) as data_age_days,
    -- stale: the last refresh failed, or the data is older than the cadence allows; where the data's
    -- date is unknown, or only a year (annual patent statistics are published years late by
    -- nature), the last good load is judged instead
    coalesce(status.last_status = 'failed', false)
    or coalesce(
        case
            when d.data_through is not null and c.family <> 'patents'
                then date_diff('day', d.data_through, cast($now::timestamptz as date)) > c.max_age_days
            else epoch($now::timestamptz) - epoch(status.last_ok_at) > c.max_age_days * 86400
        end,
        false
    ) as stale
from status
left join source_cadences as c using (source)
left join source_data_through as d using (source)
order by source
