-- int_market_events: dated launches paired with an exposed listing (events.csv, project-authored,
-- one cited row per pair: the launching lab's parent, or a competitor the press named). Each event
-- points at its release row: releases.csv (releases_row) or, for launches from September 2026 on,
-- releases_2026-09_to_12_candidates.csv (release_candidates_row); release_date_matches says the
-- two dates agree (a candidate's date counts only when it is a day, not an upper bound).
select
    e.event_id,
    e.event_date,
    e.event_name,
    e.ticker,
    e.exposure,
    l.benchmark_ticker,
    l.exchange_timezone,
    l.company_country_code,
    coalesce(r.lab, c.lab) as release_lab,
    coalesce(r.model, c.model) as release_model,
    r.version as release_version,
    coalesce(r.release_type, c.date_kind) as release_type,
    coalesce(
        r.release_date_text = strftime(e.event_date, '%Y-%m-%d'),
        c.date_text = strftime(e.event_date, '%Y-%m-%d') and c.date_precision = 'day' and c.date_kind not like 'first%'
    ) as release_date_matches,
    coalesce(r.source_url, c.source_url) as release_source_url,
    e.source_url as exposure_source_url,
    e.curated_file,
    e.curated_row
from stg.stg_curated__events as e
left join stg.stg_curated__releases as r on r.curated_row = e.releases_row
left join stg.stg_curated__release_candidates as c on c.curated_row = e.release_candidates_row
left join int.int_listings as l on l.ticker = e.ticker
