-- stg_owid_patents__applications_per_million: Our World in Data's AI patent applications per 1
-- million people (CSET), one row per entity and year, the newest snapshot holding it; columns as the
-- grapher file names them (entity, OWID code, field).
with source as (
    select * from raw.raw_patents__owid_patents
    qualify row_number() over (partition by entity, year order by fetched_at desc, snapshot_sha256) = 1
)
select entity, code as owid_code, year, field, applications_per_million, source_url, snapshot_sha256, fetched_at
from source
