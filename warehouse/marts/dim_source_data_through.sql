-- dim_source_data_through: for every registered source, the date its data runs to -- its newest
-- observation, not when it was loaded: the newest board day (arena, aa_arena, lmarena_dataset),
-- series day (fred, ecb, yahoo, stock_csv, openrouter_rankings), publication year (patents), or,
-- for a catalogue or page observed as a whole (pricing pages, LiteLLM, Hugging Face, OpenRouter's
-- model list, READMEs), the capture time of its newest snapshot (fetched_at, which a replay takes
-- from the recording, not from the run). NULL when the source has no rows. cadence and
-- max_age_days come from the registry (marts.dim_sources): data older than max_age_days is stale. data_through_basis names the column read. A date after tomorrow is impossible (the
-- marts hold such rows back, raw keeps them) and is not taken as the data's date.
with observed(source, data_through, data_through_precision, data_through_basis) as (
    select 'arena', max(snapshot_date) filter (where snapshot_date <= current_date + 1), 'day', 'raw_leaderboards__arena.snapshot_date' from raw.raw_leaderboards__arena
    union all
    select 'aa_arena', max(snapshot_date) filter (where snapshot_date <= current_date + 1), 'day', 'raw_leaderboards__aa_arena.snapshot_date'
    from raw.raw_leaderboards__aa_arena
    union all
    select 'lmarena_dataset', max(snapshot_date) filter (where snapshot_date <= current_date + 1), 'day', 'raw_leaderboards__lmarena_dataset.snapshot_date'
    from raw.raw_leaderboards__lmarena_dataset
    union all
    select 'github_readme', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_releases__github_readme.fetched_at'
    from raw.raw_releases__github_readme
    union all
    select 'github_releases', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_releases__github_releases.fetched_at'
    from raw.raw_releases__github_releases
    union all
    select 'openrouter', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_releases__openrouter.fetched_at' from raw.raw_releases__openrouter
    union all
    select 'litellm_pricing', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_pricing__litellm_pricing.fetched_at'
    from raw.raw_pricing__litellm_pricing
    union all
    select 'runway_pricing', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_pricing__runway_pricing.fetched_at'
    from raw.raw_pricing__runway_pricing
    union all
    select 'gemini_pricing', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_pricing__gemini_pricing.fetched_at'
    from raw.raw_pricing__gemini_pricing
    union all
    select 'fal_pricing', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_pricing__fal_pricing.fetched_at' from raw.raw_pricing__fal_pricing
    union all
    select 'alibaba_pricing', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_pricing__alibaba_pricing.fetched_at'
    from raw.raw_pricing__alibaba_pricing
    union all
    select 'fred', max(date) filter (where date <= current_date + 1), 'day', 'raw_fx__fred.date' from raw.raw_fx__fred
    union all
    select 'ecb', max(date) filter (where date <= current_date + 1), 'day', 'raw_fx__ecb.date' from raw.raw_fx__ecb
    union all
    select 'yahoo', max(date) filter (where date <= current_date + 1), 'day', 'raw_stocks__yahoo.date' from raw.raw_stocks__yahoo
    union all
    select 'stock_csv', max(date) filter (where date <= current_date + 1), 'day', 'raw_stocks__stock_csv.date' from raw.raw_stocks__stock_csv
    union all
    select 'hf_models', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_openness__hf_models.fetched_at' from raw.raw_openness__hf_models
    union all
    select 'hf_trending', max(fetched_at) filter (where fetched_at::date <= current_date + 1)::date, 'day', 'raw_openness__hf_trending.fetched_at'
    from raw.raw_openness__hf_trending
    union all
    select 'openrouter_rankings', max(date) filter (where date <= current_date + 1), 'day', 'raw_openness__openrouter_rankings.date'
    from raw.raw_openness__openrouter_rankings
    union all
    -- a publication year's data runs to its last day
    select 'epo_ops', make_date(max(publication_year) filter (where publication_year <= year(current_date)), 12, 31), 'year', 'raw_patents__epo_ops.publication_year'
    from raw.raw_patents__epo_ops
    union all
    select 'owid_patents', make_date(max(year) filter (where year <= year(current_date)), 12, 31), 'year', 'raw_patents__owid_patents.year'
    from raw.raw_patents__owid_patents
),
registry as (
    select source, family, cadence, max_age_days from marts.dim_sources
)
select
    r.family,
    r.source,
    o.data_through,
    case when o.data_through is not null then o.data_through_precision end as data_through_precision,
    o.data_through_basis,
    r.cadence,
    r.max_age_days
from registry as r
left join observed as o using (source)
order by r.family, r.source
