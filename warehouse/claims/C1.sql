-- C1 "China leads AI video generation as of early 2026", recomputed on the newest evidence: the
-- newest day of each blind-vote board held (arena.ai text-to-video and image-to-video, to
-- 2026-10-10; Artificial Analysis text-to-video and image-to-video, to 2026-08-01: its public
-- endpoint was gated on 2026-05-15 and no later board is recorded), read from
-- out_quality_leader_daily, where a lead counts only when the best Chinese and best U.S. CIs do
-- not overlap. Supported if China leads clearly on every board, refuted if the U.S. leads clearly
-- on every board, otherwise partly. The claim's own window (2026-03-19, the first recorded day, to
-- 2026-04-30) is reported beside it: China #1 on some board-days there, not all.
-- Verdict on the bundled data: partly. arena.ai text-to-video 2026-10-10: Google's Gemini Omni 1.1
-- Flash #1, a clear U.S. lead over Seedance 2.0; image-to-video: MiniMax H3 #1 but within the CIs
-- of Gemini Omni 1.1 Flash; AA 2026-08-01: Gemini Omni Flash #1 on both boards, within the CIs.
-- (The Artificial Analysis board of 2026-10-10, on which Wan 3.0 is reported #1, is not in the
-- recordings, so the rule cannot see it.) data_through: the newest day of the evidence; each
-- board's own day is named in the value.
with newest as (
    select *
    from out.out_quality_leader_daily
    where board in ('text-to-video', 'image-to-video')
    qualify snapshot_date = max(snapshot_date) over (partition by arena, board)
),
early as (
    select count(*) as board_days, count(*) filter (where number_one_country = 'CN') as cn_first
    from out.out_quality_leader_daily
    where arena = 'arena' and board in ('text-to-video', 'image-to-video')
      and snapshot_date between date '2026-01-01' and date '2026-04-30'
),
urls as (
    select string_agg(distinct trim(u), ' ; ' order by trim(u)) as text
    from newest cross join unnest(string_split(source_urls, ';')) as t(u)
    where trim(u) <> ''
)
select
    case when count(*) = 0 then null else
        string_agg(case arena when 'arena' then 'arena.ai' else 'Artificial Analysis' end || ' ' || board || ' '
                   || snapshot_date || ': #1 ' || number_one_model || ' (' || coalesce(number_one_country, 'unknown')
                   || '); best CN ' || coalesce(best_cn_model || ' ' || best_cn_score, 'none') || ' vs best US '
                   || coalesce(best_us_model || ' ' || best_us_score, 'none') || ' — ' || lead_label,
                   '; ' order by arena, board)
        || '. Early 2026 (arena.ai, 2026-03-19..04-30): China #1 on ' || (select cn_first from early) || ' of '
        || (select board_days from early) || ' board-days.'
    end as value,
    case
        when count(*) = 0 then 'insufficient data'
        when bool_and(coalesce(lead_country, '-') = 'CN') then 'supported'
        when bool_and(coalesce(lead_country, '-') = 'US') then 'refuted'
        else 'partly'
    end as verdict,
    case
        when count(*) = 0 then 'no board in out.out_quality_leader_daily'
        when bool_and(coalesce(lead_country, '-') = 'CN') then 'China leads clearly (CIs apart) on every board on its newest day'
        when bool_and(coalesce(lead_country, '-') = 'US') then 'the U.S. leads clearly (CIs apart) on every board on its newest day'
        else 'no country leads everywhere on the newest days: clear leads ' || coalesce(string_agg(
                 case when lead_country is not null then lead_country || ' on ' || arena || ' ' || board end, ', '
                 order by arena, board), 'none') || '; the rest within the CIs. China held #1 only on some '
             || 'board-days of early 2026'
    end as reason,
    'out.out_quality_leader_daily: newest snapshot_date per arena and board (text-to-video, image-to-video); '
        || 'early 2026 board-days of arena.ai' as evidence,
    (select text from urls) as evidence_urls,
    max(snapshot_date) as data_through
from newest
