-- int_market_events: dated launches paired with an exposed listing (events.csv, project-authored,
-- one cited row per pair: the launching lab's parent, or a competitor the press named). Each event
-- points at its release row in releases.csv; release_date_matches says the two dates agree.
select
    e.event_id,
    cast(e.event_date as date) as event_date,
    e.event_name,
    e.ticker,
    e.exposure,
    l.benchmark_ticker,
    l.exchange_timezone,
    l.company_country_code,
    r.lab as release_lab,
    r.model as release_model,
    r.version as release_version,
    r.release_type,
    r.release_date = e.event_date as release_date_matches,
    r.source_url as release_source_url,
    e.source_url as exposure_source_url,
    e.curated_file,
    e.curated_row
from raw.raw_curated__events as e
left join raw.raw_curated__releases as r on r.curated_row = cast(e.releases_row as integer)
left join int.int_listings as l on l.ticker = e.ticker
