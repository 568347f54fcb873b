-- dim_sources: one row per registered source (warehouse/seeds/sources.csv, the registry the spiders
-- and the pipeline read) with its cadence's limits (cadences.csv): what the site says about each
-- source (title, base URL, terms, cadence, access) and what the source-status query needs (how old
-- a last good load may be). registry_row keeps the registry's order (the methodology table's).
-- spider, raw_table and url_env_var follow the naming rule: <family>_<source>,
-- raw.raw_<family>__<source>, VIDEORACE_<SOURCE>_URL.
select
    s.source,
    s.family,
    s.title,
    s.live_url,
    s.alt_url,
    s.data_format,
    s.cadence,
    c.max_age_days,
    c.cron_utc,
    s.terms,
    s.auth as access,
    s.auth_env_vars,
    s.replay_note,
    s.family || '_' || s.source as spider,
    'raw_' || s.family || '__' || s.source as raw_table,
    'VIDEORACE_' || upper(regexp_replace(s.source, '[^A-Za-z0-9]', '_', 'g')) || '_URL' as url_env_var,
    s.curated_row as registry_row,
    s.curated_file
from stg.stg_curated__sources as s
left join stg.stg_curated__cadences as c on c.cadence = s.cadence
