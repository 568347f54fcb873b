-- C8 "gaming stocks like Unity dropped sharply ~35% as markets speculated that generative world
-- models could bypass engines": Unity (U) around Google's Project Genie roll-out (2026-01-29) in the
-- event study. The test window is [-1,+1] sessions (the tight window a launch can be credited
-- with): supported if U fell 30% or more there, partly if it fell sharply (15% or more) but short
-- of ~35%, refuted otherwise. The worst session and the wider [0,+5] window are reported beside it
-- (a wider window also holds other news; the 2026-02-11 earnings drop is outside both).
-- Newer stock data (to 2026-10-06) cannot change a January 2026 window; data_through is the last
-- session the rule read (rel_day +5). On the bundled data: partly (-29.5% over [-1,+1],
-- compounded; -24.2% on 2026-01-30 alone).
with u as (
    select * from out.out_event_study_daily
    where event_id = 'project_genie' and ticker = 'U' and rel_day between -1 and 5 and stock_return is not null
),
summary as (
    select
        count(*) filter (where rel_day between -1 and 1) as tight_sessions,
        exp(sum(ln(1 + stock_return)) filter (where rel_day between -1 and 1)) - 1 as tight_return,
        exp(sum(ln(1 + stock_return)) filter (where rel_day between 0 and 5)) - 1 as wide_return,
        min(stock_return) as worst_day,
        arg_min(trade_date, stock_return) as worst_date
    from u
)
select
    case when s.tight_sessions < 3 then null else
        'Unity (U) around Project Genie (2026-01-29): [-1,+1] sessions ' || round(100 * s.tight_return, 1)
        || '% compounded; worst session ' || s.worst_date || ' ' || round(100 * s.worst_day, 1)
        || '%; [0,+5] sessions ' || round(100 * s.wide_return, 1) || '%'
    end as value,
    case
        when s.tight_sessions < 3 then 'insufficient data'
        when s.tight_return <= -0.30 then 'supported'
        when s.tight_return <= -0.15 then 'partly'
        else 'refuted'
    end as verdict,
    case
        when s.tight_sessions < 3 then 'the three sessions around 2026-01-29 are not all in out.out_event_study_daily'
        when s.tight_return <= -0.30 then 'U fell by about a third in the launch window'
        when s.tight_return <= -0.15 then 'a sharp drop in the launch window, but short of ~35%; a fall of that size shows only over the '
             || 'wider [0,+5] window, which also holds other news days'
        else 'no sharp drop in the launch window'
    end as reason,
    'out.out_event_study_daily: event_id project_genie, ticker U, rel_day -1..5 (daily close-to-close returns)' as evidence,
    (select string_agg(distinct source_url, ' ; ' order by source_url) from u) as evidence_urls,
    (select max(trade_date) from u) as data_through
from summary as s
