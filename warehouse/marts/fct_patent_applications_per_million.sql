-- fct_patent_applications_per_million: a second, labelled patents series beside WIPO: AI patent
-- applications per 1 million people by country and year, as Our World in Data publishes them
-- (underlying source CSET; field "All" = every AI patent, NOT generative AI or video; 2014-2019
-- only). country_code: ISO alpha-2 for the countries the project compares (CN, US, KR, JP, DE, GB,
-- FR, IN), 'ALL' for OWID's World aggregate, NULL for every other entity (kept with its OWID code,
-- never guessed). Read from a repository copy (JunyiiBlvd/205_Final_Pro) of the OWID grapher file.
select
    o.entity,
    o.owid_code,
    case o.owid_code when 'CHN' then 'CN' when 'USA' then 'US' when 'KOR' then 'KR' when 'JPN' then 'JP'
                     when 'DEU' then 'DE' when 'GBR' then 'GB' when 'FRA' then 'FR' when 'IND' then 'IN'
                     when 'OWID_WRL' then 'ALL' end as country_code,
    o.year,
    o.applications_per_million,
    'AI patent applications per 1 million people (field: ' || o.field || '; CSET via OWID)' as scope,
    'OWID / CSET' as source,
    o.source_url,
    o.snapshot_sha256,
    o.fetched_at
from stg.stg_owid_patents__applications_per_million as o
