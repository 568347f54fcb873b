-- stg_github_readme__lines: dated news lines of open-weight model READMEs on GitHub, one row per line
-- of the newest snapshot of each repository (a repository refetched keeps its last README).
with source as (
    select * from raw.raw_releases__github_readme
    qualify dense_rank() over (partition by lower(repo) order by fetched_at desc, snapshot_sha256 desc) = 1
)
select * from source
