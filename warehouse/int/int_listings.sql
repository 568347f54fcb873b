-- int_listings: the listing resolution the stock and market models join; marts.dim_listings
-- publishes it unchanged.
-- the listings the stock sources carry (warehouse/seeds/listings.csv, one cited row
-- each: source_url and the basis of exchange and country), with exchange, trading currency,
-- exchange time zone (a launch on a non-trading day moves to that exchange's next session) and the
-- market benchmark used for abnormal returns: SPY (S&P 500 ETF) for U.S. listings, the Hang Seng
-- index for Hong Kong listings. company_country_code = headquarters country where labs.csv says it;
-- NULL (unknown) otherwise.
select * exclude (snapshot_sha256)  -- each row keeps its curated file and row
from stg.stg_curated__listings
