-- fct_market_moves_reported: every share move the press reported for a listed company around a
-- launch (market_moves_reported.csv, one cited row each): ticker, date, the move in percent and over
-- which period, the prices quoted, what the article names as the trigger.
select * from stg.stg_curated__market_moves_reported
