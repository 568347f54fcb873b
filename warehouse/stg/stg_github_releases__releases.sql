-- stg_github_releases__releases: GitHub releases of open-weight model repositories, one row per
-- repository and tag (its newest snapshot); drafts and releases with neither a publish nor a
-- creation time are left out. released_at = published_at, else created_at, as written (ISO text).
with source as (
    select * from raw.raw_releases__github_releases
    where not draft and coalesce(published_at, created_at) is not null
    qualify row_number() over (partition by lower(repo), tag_name order by fetched_at desc) = 1
)
select *, coalesce(published_at, created_at) as released_at from source
