-- C6 "China leads in AI patents, publications, and STEM graduates": only patents are in the
-- warehouse (fct_patent_counts: curated WIPO / Stanford HAI figures and EPO OPS counts when
-- fetched). For every source and scope holding both CN and US, compare CN with US. Partly when
-- China leads on every patent measure (publications and STEM graduates are not measured here);
-- refuted when the U.S. leads on every patent measure; otherwise partly with the split named.
-- data_through: 31 December of the newest year any compared count covers (counts are yearly).
-- On the bundled data: partly (WIPO 2014-2023 CN 38210 vs US 6276, 6.1x; Stanford HAI 2017-2023
-- >44000 vs >15000, 2.9x); data through 2023-12-31: no newer patent count is held.
with paired as (
    select
        source, scope, period,
        max(count) filter (where country_code = 'CN') as cn,
        max(count) filter (where country_code = 'US') as us,
        bool_or(is_lower_bound) as lower_bound,
        -- a range period ('2014-2023') covers to its last year
        max(coalesce(year, try_cast(regexp_extract(period, '(\d{4})\s*$', 1) as integer))) as last_year,
        string_agg(distinct source_url, ' ; ' order by source_url) as urls
    from marts.fct_patent_counts
    where country_code in ('CN', 'US')
    group by source, scope, period
    having cn is not null and us is not null
),
by_measure as (
    select source, scope,
           sum(cn) as cn, sum(us) as us,
           string_agg(distinct period, ',' order by period) as periods,
           bool_or(lower_bound) as lower_bound,
           max(last_year) as last_year,
           string_agg(distinct urls, ' ; ' order by urls) as urls
    from paired
    group by source, scope
)
select
    case when count(*) = 0 then null else
        string_agg(source || ' ' || scope || ' ' || periods || ': CN ' || (case when lower_bound then '>' else '' end)
                   || cn || ' vs US ' || (case when lower_bound then '>' else '' end) || us
                   || ' (' || round(cn / us, 1) || 'x)', '; ' order by source, scope)
    end as value,
    case
        when count(*) = 0 then 'insufficient data'
        when bool_and(cn > us) then 'partly'
        when bool_and(us > cn) then 'refuted'
        else 'partly'
    end as verdict,
    case
        when count(*) = 0 then 'no patent counts for both CN and US in the warehouse'
        when bool_and(cn > us) then 'patents: China ahead on every measure held; publications and STEM graduates are not in the warehouse, so only that part is verified'
        when bool_and(us > cn) then 'patents: the U.S. is ahead on every measure held'
        else 'patents: the measures disagree (China ahead on some, the U.S. on others); publications and STEM graduates not measured'
    end as reason,
    'marts.fct_patent_counts: CN and US rows per source, scope and period (EPO OPS yearly counts summed per scope)' as evidence,
    string_agg(distinct urls, ' ; ' order by urls) as evidence_urls,
    make_date(max(last_year), 12, 31) as data_through
from by_measure
