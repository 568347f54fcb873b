-- stg_openrouter_rankings__token_panel: OpenRouter's daily LLM token panel, one row per day, model
-- permaslug and variant (the newest snapshot holding it); tokens = prompt + completion (a missing
-- half counts 0), the author = the permaslug's owner with a leading "~" alias mark dropped. Rows
-- without a model (two all-zero panel rows) are left out.
with source as (
    select * from raw.raw_openness__openrouter_rankings
    where record_kind = 'token_panel' and model_permaslug is not null
    qualify row_number() over (partition by date, model_permaslug, variant order by fetched_at desc, snapshot_sha256) = 1
),
renamed as (
    select
        date as token_date,
        model_permaslug,
        variant,
        coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0) as llm_tokens,
        prompt_tokens,
        completion_tokens,
        request_count,
        ltrim(split_part(model_permaslug, '/', 1), '~') as author,
        source_url,
        snapshot_sha256,
        fetched_at
    from source
)
select * from renamed
