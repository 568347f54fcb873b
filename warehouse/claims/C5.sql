-- C5 "open models jumped to ~30% market share by late 2025": the ~30% is the open-weight share of
-- LLM token volume on OpenRouter; the warehouse holds no usage or market-share volumes (LLM or
-- video), so the claim cannot be tested here: always 'insufficient data'. As the nearest video
-- measure the value reports the open-weight share of the newest arena.ai top 10 and of all entries.
-- requires: marts.fct_leaderboard_entries(board, snapshot_date, rank, score, model, is_open_weights, source_url)
with newest_day as (
    select * from marts.fct_leaderboard_entries
    qualify snapshot_date = max(snapshot_date) over (partition by board)
),
latest as (
    select *, row_number() over (partition by board order by rank, score desc, model) as position
    from newest_day
)
select
    'video proxy, newest arena.ai boards (' || string_agg(distinct board || ' ' || snapshot_date, ', ' order by board || ' ' || snapshot_date) || '): open-weight '
        || count(*) filter (where is_open_weights and position <= 10) || ' of ' || count(*) filter (where position <= 10)
        || ' top-10 entries; ' || count(*) filter (where is_open_weights) || ' of ' || count(*)
        || ' entries overall (' || count(*) filter (where is_open_weights is null) || ' with unknown licence)' as value,
    'insufficient data' as verdict,
    'the claim measures usage share (OpenRouter LLM tokens); no usage or market-share data is in the warehouse, and '
        || 'arena positions are not market share' as reason,
    'marts.fct_leaderboard_entries: newest snapshot_date per board, is_open_weights by position' as evidence,
    string_agg(distinct source_url, ' ; ' order by source_url) as evidence_urls
from latest
