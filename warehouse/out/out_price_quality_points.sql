-- out_price_quality_points: each arena.ai model's score against the cheapest USD per second of its
-- model family, per board, snapshot day and price spec, with the country's Pareto frontier marked.
-- Join: the arena model's family (marts.dim_models, from warehouse/seeds/model_families.csv) to
-- the price offers of the same family (marts.fct_price_observations); nothing is matched by name
-- similarity. A model without a family is listed with match_status 'unmatched: no model family';
-- one whose family has no price at that spec, 'no price at this spec'. Price spec: text-to-video
-- (mode t2v or not stated), priced per second (or credits/tokens per second) or for a 5 s clip, at
-- 720p or at 1080p; audio with, without or not stated (the strict reference specs, 720p without
-- audio and 1080p with audio, hold 4 offers in all: too few for a frontier). Cheapest over every
-- provider and tier of the family, except offers of a named variant the arena model does not name
-- (an offer id with lite, fast, flash, mini, turbo, pro, prime, plus or master prices only an arena
-- model whose id has that word: veo-3.1-lite is not the price of veo-3.1-audio).
-- Two pairings of score and price: 'price_in_force' (every snapshot day: the price valid that day,
-- valid_from <= day < valid_to, so undated prices are left out) and 'newest_price' (the newest
-- snapshot day of each board against each offer's newest still-open observation, whatever its
-- date: today's scores against today's price list; most Chinese prices are dated only by the
-- LiteLLM release of 2026-11-20, after the newest arena day).
-- Frontier: among the priced models of one country (CN, US) on the same board, day, spec and
-- pairing, a model is on its country's frontier when no other model of that country is both
-- cheaper-or-equal and scores higher-or-equal, with at least one of the two strict.
with entries as (
    select e.board, e.snapshot_date, e.rank, e.model, m.model_family, e.lab_id, e.country_code,
           string_split_regex(lower(e.model), '[^a-z0-9.]+') as model_tokens,
           e.score, e.score_ci_lower, e.score_ci_upper, e.source_url as score_source_url,
           max(e.snapshot_date) over (partition by e.board) as newest_board_day
    from marts.fct_leaderboard_entries as e
    left join marts.dim_models as m using (model)
),
offers as (
    select observation_id, model_family, model as offer_model, model_display as offer_display, provider,
           tier, resolution as price_spec, price_usd_per_s, valid_from, valid_to, is_latest_observation,
           source_url as price_source_url,
           list_filter(string_split_regex(lower(model), '[^a-z0-9.]+'),
                       lambda t: t in ('lite', 'fast', 'flash', 'mini', 'turbo', 'pro', 'prime', 'plus', 'master'))
               as offer_variants
    from marts.fct_price_observations
    where price_usd_per_s is not null and model_family is not null
      and resolution in ('720p', '1080p')
      and (mode is null or mode = 't2v')
      and (billing_unit in ('per_second', 'credits_per_second', 'per_1m_tokens') or clip_seconds = 5)
),
specs(price_spec) as (values ('720p'), ('1080p')),
pairings(pairing) as (values ('price_in_force'), ('newest_price')),
grid as (
    select e.*, s.price_spec, p.pairing
    from entries as e cross join specs as s cross join pairings as p
    where p.pairing = 'price_in_force' or e.snapshot_date = e.newest_board_day
),
matched as (
    select g.board, g.snapshot_date, g.price_spec, g.pairing, g.model,
           round(min(o.price_usd_per_s), 6) as price_usd_per_s,
           arg_min(o.observation_id, (o.price_usd_per_s, o.observation_id)) as observation_id,
           count(o.observation_id) as offers_at_spec
    from grid as g
    join offers as o
      on o.model_family = g.model_family and o.price_spec = g.price_spec
     and list_has_all(g.model_tokens, o.offer_variants)
     and case when g.pairing = 'price_in_force'
              then o.valid_from <= g.snapshot_date and (o.valid_to is null or o.valid_to > g.snapshot_date)
              else o.is_latest_observation and o.valid_to is null end
    group by all
),
points as (
    select g.* exclude (model_tokens), m.price_usd_per_s, m.offers_at_spec, o.offer_model, o.offer_display, o.provider, o.tier,
           o.valid_from as price_valid_from, o.price_source_url, m.observation_id,
           case when g.model_family is null then 'unmatched: no model family'
                when m.price_usd_per_s is null then 'no price at this spec'
                else 'priced' end as match_status
    from grid as g
    left join matched as m using (board, snapshot_date, price_spec, pairing, model)
    left join offers as o on o.observation_id = m.observation_id
)
select
    p.board, p.price_spec, p.pairing, p.snapshot_date, p.rank, p.model, p.model_family, p.lab_id, p.country_code,
    p.score, p.score_ci_lower, p.score_ci_upper, p.price_usd_per_s, p.match_status, p.offers_at_spec,
    p.offer_model, p.offer_display, p.provider, p.tier, p.price_valid_from,
    p.match_status = 'priced' and p.country_code in ('CN', 'US') and not exists (
        select 1 from points as q
        where q.board = p.board and q.snapshot_date = p.snapshot_date and q.price_spec = p.price_spec
          and q.pairing = p.pairing and q.country_code = p.country_code and q.match_status = 'priced'
          and q.model <> p.model
          and q.price_usd_per_s <= p.price_usd_per_s and q.score >= p.score
          and (q.price_usd_per_s < p.price_usd_per_s or q.score > p.score)
    ) as is_on_country_frontier,
    p.observation_id as price_observation_id,
    p.score_source_url,
    p.price_source_url
from points as p
order by p.board, p.price_spec, p.pairing, p.snapshot_date, p.rank, p.model
