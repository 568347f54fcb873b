-- changes_claim_verdict: a claim's verdict that differs from its verdict on the previous refresh
-- day in the ledger's history (the first verdict of a claim counts as new, with no old value).
-- Dated by the refresh day that recorded the new verdict.
with sequenced as (
    select
        *,
        lag(verdict) over by_day as previous_verdict,
        lag(refresh_date) over by_day as previous_date
    from marts.fct_claim_verdicts
    window by_day as (partition by claim_id order by refresh_date)
)
select
    refresh_date as change_date,
    'claim_verdict' as kind,
    'claim ' || claim_id || ': ' || claim_text as subject,
    previous_verdict as old_value,
    verdict as new_value,
    cast(null as varchar) as country_code,
    case when previous_verdict is null
         then 'First verdict on claim ' || claim_id || ': ' || verdict
         else 'Claim ' || claim_id || ' verdict changed from ' || previous_verdict || ' (' || previous_date
              || ') to ' || verdict
    end || coalesce(' — ' || value, '') || '.' as detail,
    nullif(split_part(coalesce(warehouse_source_urls, curated_evidence_urls, ''), ' ; ', 1), '') as source_url
from sequenced
where previous_verdict is null or verdict is distinct from previous_verdict
