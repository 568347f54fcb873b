-- stg_curated__release_repos: release_repos.csv (project-authored: the code-hosting repositories of
-- open-weight models, each with its lab, model and version), tidied: an empty version NULL.
with source as (
    select * from raw.raw_curated__release_repos
),
renamed as (
    select
        platform,
        owner,
        repo,
        lab_id,
        model,
        nullif(version, '') as version,
        source_url,
        notes,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
