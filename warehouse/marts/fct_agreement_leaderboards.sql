-- fct_agreement_leaderboards: where two sources give the same leaderboard fact for the same board and
-- day, how well they agree: one row per pair of sources, fact (board score) and day, with the models
-- compared, how many differ by more than the tolerance and the largest difference (points), the
-- source preferred and the rule that prefers it. The same columns as the other families' agreement
-- tables. Pairs:
-- 1. the community mirror (fct_leaderboard_entries, whole points) vs arena.ai's official dataset
--    (full precision) on each mirror day: the dataset board in effect that day is its newest snapshot
--    read on or before it, and only if at most 14 days older (the dataset is re-published when the
--    board changes; the recordings keep one file per publish date). Tolerance 0.5 points: the mirror
--    rounds the same rating to whole points.
-- 2. the curated transcription arena_history.csv vs the mirror's raw files of the same board-day
--    (the newest snapshot of the day), tolerance 0: a transcription must equal its file.
-- Models are matched by name; a model only one source lists is not compared.
with mirror as (
    select board, snapshot_date, model, cast(score as double) as score
    from marts.fct_leaderboard_entries
),
dataset_days as (
    select distinct board, snapshot_date from marts.fct_leaderboard_entries_lmarena
),
paired_days as (
    select m.board, m.snapshot_date as compared_on, max(d.snapshot_date) as dataset_day
    from (select distinct board, snapshot_date from mirror) as m
    join dataset_days as d on d.board = m.board and d.snapshot_date <= m.snapshot_date
    group by all
    having max(d.snapshot_date) >= m.snapshot_date - interval 14 day
),
mirror_vs_dataset as (
    select
        p.board, p.compared_on,
        abs(m.score - l.score) as abs_diff
    from paired_days as p
    join mirror as m on m.board = p.board and m.snapshot_date = p.compared_on
    join marts.fct_leaderboard_entries_lmarena as l
        on l.board = p.board and l.snapshot_date = p.dataset_day and l.model = m.model
),
raw_days as (
    select board, snapshot_date, model, score from stg.stg_arena__entries
),
curated_vs_raw as (
    select
        c.board, c.snapshot_date as compared_on,
        abs(c.score - r.score) as abs_diff
    from stg.stg_curated__arena_history as c
    join raw_days as r
        on r.board = c.board and r.snapshot_date = c.snapshot_date and r.model = c.model
),
pairs as (
    select 'arena' as source_a, 'lmarena_dataset' as source_b, 0.5 as tolerance, 'lmarena_dataset' as preferred_source,
           'The official dataset is preferred for a value: it is arena.ai''s own publication with full-precision '
           || 'ratings, bounds and vote counts, while the mirror transcribes the web page to whole points; the '
           || 'quality measures still read the mirror because it covers every day (kept side by side).' as rule,
           board, compared_on, abs_diff
    from mirror_vs_dataset
    union all
    select 'arena_history_csv', 'arena', 0.0, 'arena',
           'The mirror''s raw file is preferred: arena_history.csv transcribes the same files and is used only '
           || 'for board-days with no raw file.',
           board, compared_on, abs_diff
    from curated_vs_raw
)
select
    'leaderboards' as family,
    board || ' score (points)' as fact,
    source_a,
    source_b,
    compared_on,
    count(*) as n_compared,
    count(*) filter (where abs_diff > tolerance) as n_over_tolerance,
    tolerance,
    max(abs_diff) as max_abs_diff,
    preferred_source,
    rule
from pairs
group by all
order by source_a, source_b, fact, compared_on
