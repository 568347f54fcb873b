-- stg_runway_pricing__prices: Runway's API pricing page, one row per priced line per snapshot,
-- as the parser typed and named it (nothing to rename or cast): the one reader of its raw table,
-- so the int models that interpret prices never read raw.
select * from raw.raw_pricing__runway_pricing
