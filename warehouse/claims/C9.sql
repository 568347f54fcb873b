-- C9 "U.S. models Runway Gen-4.5, Google Veo, OpenAI Sora updates lead in some creative controls":
-- needs a feature matrix per model and date (resolution, HDR, reference images, first/last frame,
-- extension, audio, multi-shot) that no source in the warehouse provides, and the arena boards do
-- not split by control. The rule says so rather than guess: always 'insufficient data', listing
-- the arena boards held as the only category ranks available.
-- data_through: the newest arena.ai day held (the only category ranks there are). On the bundled
-- data: insufficient data, through 2026-10-10.
select
    'arena boards held: ' || string_agg(distinct board, ', ' order by board) || '; no feature-availability data' as value,
    'insufficient data' as verdict,
    'creative-control features per model are not collected by any source of the warehouse; see the curated evidence links' as reason,
    'marts.fct_leaderboard_entries: boards present (no per-control ranks)' as evidence,
    cast(null as varchar) as evidence_urls,
    max(snapshot_date) as data_through
from marts.fct_leaderboard_entries
