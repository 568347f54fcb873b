-- fct_market_events: dated launches paired with an exposed listing (events.csv, project-authored,
-- one cited row per pair: the launching lab's parent, or a competitor the press named), each with
-- its release row in releases.csv and whether the two dates agree (int_market_events).
select * from int.int_market_events
