-- fct_fx_rates: the CNY per USD rate per day, source and series (rate = CNY for 1 USD). Every
-- series is kept; disagreements between them are listed in fct_agreement_markets (family fx).
-- Preference rule (source_rank, lowest wins on each day): 1 a live FRED download
-- (fred.stlouisfed.org); 2 the byte-exact FRED copy read from vichobug/fx-hedging-sim; 3 the
-- transcribed FRED copy read from datasets/exchange-rates (it alone reaches 2026-09-25); 4 any
-- other FRED copy; 5 the ECB cross rate (CNY/EUR divided by USD/EUR), preferred only on days no
-- FRED series has (U.S. holidays, days past FRED's last value). Days without any source stay
-- absent: nothing is filled forward here.
select * from int.int_fx_rates
