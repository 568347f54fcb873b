-- int_lab_aliases: every spelling a source uses for a lab (arena.ai vendor names from labs.csv and
-- labs_supplement.csv, plus the lab id itself), lower-cased, mapped to lab_id.
with spelled as (
    select lab_id, unnest(string_split(coalesce(arena_vendor_aliases, ''), ';')) as alias
    from stg.stg_curated__labs
    union all
    select lab_id, unnest(string_split(coalesce(arena_vendor_aliases, ''), ';')) as alias
    from stg.stg_curated__labs_supplement
    union all
    select lab_id, lab_id as alias from int.int_labs
)
select distinct lower(trim(alias)) as alias_key, lab_id
from spelled
where trim(alias) <> ''
