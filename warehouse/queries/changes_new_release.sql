-- changes_new_release: every dated release event (announce, preview, GA, API, open weights) of a
-- model version, once per model, version and release type (the earliest date any source gives),
-- dated by its release date; release_date keeps the source's precision (see fct_releases).
select
    release_date as change_date,
    'new_release' as kind,
    model || coalesce(' ' || version, '') as subject,
    cast(null as varchar) as old_value,
    coalesce(release_type, 'release') as new_value,
    country_code,
    'New release: ' || model || coalesce(' ' || version, '') || ' (' || coalesce(release_type, 'release')
        || ', ' || coalesce(country_code, 'unknown country') || ') on ' || release_date || '.' as detail,
    source_url
from marts.fct_releases
where release_date is not null
qualify row_number() over (partition by model, version, release_type order by release_date, source_url) = 1
