-- stg_curated__git_facts: open_weights_git_facts.csv (git history of the open-weight repos: a tag, the
-- first commit, the commit that added a README news line, the snapshot's HEAD), typed: the commit
-- day as a DATE.
with source as (
    select * from raw.raw_curated__git_facts
),
renamed as (
    select
        repo,
        lab,
        kind,
        name,
        cast(date as date) as commit_date,
        commit,
        evidence,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
