-- C3 "Seedance 2.0 went viral in February 2026": the launch date is testable against the release
-- table (every dated source kept); "viral" (social and press volume) is not measured anywhere in
-- the warehouse. Partly if a dated Seedance 2.0 release falls in February 2026 (date confirmed,
-- virality unmeasured); refuted if every dated release of it falls outside February 2026.
-- data_through: the newest release date in the release table (its evidence runs to then; newer
-- releases cannot move a February 2026 date). On the bundled data: partly, 2026-02-12.
with seedance as (
    select model, version, cast(release_date as varchar) as release_date, source_url
    from marts.fct_releases
    where lower(concat_ws(' ', model, version)) similar to '.*seedance[ -]?(v)?2\.0.*'
      and release_date is not null
)
select
    case when count(*) = 0 then null else
        'Seedance 2.0 release dates in the warehouse: '
        || string_agg(distinct release_date, ', ' order by release_date)
    end as value,
    case
        when count(*) = 0 then 'insufficient data'
        when bool_or(release_date like '2026-02%') then 'partly'
        else 'refuted'
    end as verdict,
    case
        when count(*) = 0 then 'no dated Seedance 2.0 release in marts.fct_releases'
        when bool_or(release_date like '2026-02%') then 'launch in February 2026 confirmed; virality (mentions, views, press volume) is not measured in the warehouse'
        else 'no source dates the Seedance 2.0 release in February 2026'
    end as reason,
    'marts.fct_releases: rows whose model/version read Seedance 2.0' as evidence,
    string_agg(distinct source_url, ' ; ' order by source_url) as evidence_urls,
    (select max(release_date) from marts.fct_releases) as data_through
from seedance
