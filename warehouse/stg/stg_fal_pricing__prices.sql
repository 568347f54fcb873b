-- stg_fal_pricing__prices: fal.ai's model pricing API, one row per priced line per snapshot,
-- as the parser typed and named it (nothing to rename or cast): the one reader of its raw table,
-- so the int models that interpret prices never read raw.
select * from raw.raw_pricing__fal_pricing
