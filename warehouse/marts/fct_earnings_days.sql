-- fct_earnings_days: known earnings announcements of the listed companies, one cited row each, with
-- the time of day where the source gives it (before open / after close; NULL = unknown). The event
-- study counts an earnings session inside an event window as a confounder.
select * from stg.stg_curated__earnings_days
