-- int_release_lab_names: every way a release source names a lab, lower-cased, mapped to lab_id.
-- The arena vendor aliases (int_lab_aliases), then dim_labs names whole, without their bracket
-- ("Google DeepMind (Veo)" -> "google deepmind") and the bracket alone ("(Kling)" -> "kling"), then
-- the code-hosting owners of release_repos.csv ("Wan-AI" -> alibaba). An unmatched name stays
-- unmapped (NULL lab, unknown country): nothing is guessed. The lowest priority wins.
with names as (
    select alias_key as name_key, lab_id, 1 as priority, 'arena vendor alias' as basis
    from int.int_lab_aliases
    union all
    select lower(trim(lab_name)), lab_id, 2, 'dim_labs lab_name' from int.int_labs
    union all
    select lower(trim(regexp_replace(lab_name, '\s*\(.*\)\s*', ' ', 'g'))), lab_id, 3, 'dim_labs lab_name without bracket'
    from int.int_labs
    union all
    select lower(trim(regexp_extract(lab_name, '\(([^)]*)\)', 1))), lab_id, 4, 'dim_labs lab_name bracket'
    from int.int_labs
    union all
    select lower(trim(owner)), lab_id, 5, 'release_repos.csv ' || platform || ' owner'
    from stg.stg_curated__release_repos
)
select name_key, lab_id, basis
from names
where name_key is not null and name_key <> ''
qualify row_number() over (partition by name_key order by priority, lab_id) = 1
