-- int_aa_entries: Artificial Analysis video-arena entries, one row per board, day and model slug,
-- from the fetched snapshots (raw_leaderboards__aa_arena) and the curated aa_history.csv. A board-day
-- covered by a fetched snapshot uses the newest snapshot of that day; curated rows fill the other
-- days (the rule int_leaderboard_entries uses for arena.ai); both arrive tidied by their staging views.
-- Creator -> lab through int_aa_creator_labs; our country is the lab's HQ country from dim_labs.
-- AA's own creator_country is kept beside it as AA's claim (v2 API rows, e.g. 2026-08-01, carry
-- none, so the same slug's latest earlier claim is used and its date named). Where dim_labs has no
-- lab for the creator, AA's claim is used as the country, with that basis written down; a lab we
-- know with an unverified (NULL) country stays NULL.
-- Elo scales differ by api_source (public_json vs aa_v2_api): compare within a day, never across.
with fetched as (
    select
        *,
        'aa_arena_snapshot' as record_source,
        cast(null as varchar) as curated_file,
        cast(null as integer) as curated_row
    from stg.stg_aa_arena__entries
),
curated as (
    select *, 'aa_history_csv' as record_source
    from stg.stg_curated__aa_history as c
    where not exists (
        select 1 from fetched as f
        where f.board = c.board and f.snapshot_date = c.snapshot_date
    )
),
renamed as (
    select * from fetched
    union all by name
    select * from curated
),
slug_claims as (
    select slug, snapshot_date as claim_date, aa_creator_country_given as claim
    from renamed
    where aa_creator_country_given is not null
),
with_claim as (
    select
        r.*,
        coalesce(r.aa_creator_country_given, c.claim) as aa_creator_country,
        case
            when r.aa_creator_country_given is not null then 'aa row'
            when c.claim is not null then 'aa same slug on ' || strftime(c.claim_date, '%Y-%m-%d')
        end as aa_country_basis
    from renamed as r
    left join slug_claims as c
        on c.slug = r.slug and c.claim_date < r.snapshot_date and r.aa_creator_country_given is null
    qualify row_number() over (partition by r.board, r.snapshot_date, r.slug order by c.claim_date desc nulls last) = 1
)
select
    w.board,
    w.snapshot_date,
    w.rank,
    w.model,
    w.slug,
    w.creator,
    a.lab_id,
    l.country_code as lab_country_code,
    w.aa_creator_country,
    w.aa_country_basis,
    case when a.lab_id is not null then l.country_code else w.aa_creator_country end as country_code,
    case
        when a.lab_id is not null and l.country_code is not null then 'dim_labs (lab HQ)'
        when a.lab_id is not null then 'dim_labs: country unverified'
        when w.aa_creator_country is not null then 'Artificial Analysis creator_country (no lab in dim_labs)'
    end as country_basis,
    (l.country_code is not null and w.aa_creator_country is not null
        and l.country_code <> w.aa_creator_country) as country_conflict,
    w.aa_release_date,
    w.elo,
    w.ci_minus,
    w.ci_plus,
    w.ci95,
    w.appearances,
    w.open_weights_url,
    w.open_weights_url is not null as has_open_weights_url,
    w.api_source,
    w.record_source,
    w.source_url,
    w.snapshot_sha256,
    w.curated_file,
    w.curated_row
from with_claim as w
left join int.int_aa_creator_labs as a on a.alias_key = lower(trim(w.creator))
left join int.int_labs as l on l.lab_id = a.lab_id
