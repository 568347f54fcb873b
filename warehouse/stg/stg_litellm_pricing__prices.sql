-- stg_litellm_pricing__prices: the LiteLLM model catalogue (video entries), one row per priced line per snapshot,
-- as the parser typed and named it (nothing to rename or cast): the one reader of its raw table,
-- so the int models that interpret prices never read raw.
select * from raw.raw_pricing__litellm_pricing
