-- dim_sources: one row per registered source (warehouse/seeds/sources.csv, the registry the spiders
-- and the pipeline read) with its cadence's limits (cadences.csv): what the site says about each
-- source (title, base URL, terms, cadence, access) and what the source-status query needs (how old
-- a last good load may be). registry_row keeps the registry's order (the methodology table's).
-- spider, raw_table and url_env_var follow the naming rule: <family>_<source>,
-- raw.raw_<family>__<source>, VIDEORACE_<SOURCE>_URL.
select
    s.name as source,
    s.family,
    s.title,
    s.live_url,
    nullif(trim(s.alt_url), '') as alt_url,
    s.data_format,
    s.cadence,
    cast(c.max_age_days as integer) as max_age_days,
    c.cron_utc,
    s.terms,
    s.auth as access,
    nullif(trim(s.auth_env_vars), '') as auth_env_vars,
    nullif(trim(s.replay_note), '') as replay_note,
    s.family || '_' || s.name as spider,
    'raw_' || s.family || '__' || s.name as raw_table,
    'VIDEORACE_' || upper(regexp_replace(s.name, '[^A-Za-z0-9]', '_', 'g')) || '_URL' as url_env_var,
    s.curated_row as registry_row,
    s.curated_file
from raw.raw_curated__sources as s
left join raw.raw_curated__cadences as c on c.cadence = s.cadence
