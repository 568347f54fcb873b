-- OpenRouter CSVs as collected by sui414/openrouter-pricing-data: the daily LLM token panel
-- (record_kind token_panel: tokens per day, model permaslug and variant) and the model catalogue
-- (record_kind catalogue: id, author, created_at, modality, USD per token). Fields of the other
-- layout are NULL. Tokens are LLM tokens, not video.
CREATE TABLE IF NOT EXISTS raw.raw_openness__openrouter_rankings (
    record_kind              VARCHAR NOT NULL,
    date                     DATE NOT NULL,
    model_permaslug          VARCHAR,
    variant                  VARCHAR,
    prompt_tokens            BIGINT,
    completion_tokens        BIGINT,
    reasoning_tokens         BIGINT,
    cached_tokens            BIGINT,
    request_count            BIGINT,
    model_id                 VARCHAR,
    model_slug               VARCHAR,
    model_name               VARCHAR,
    author                   VARCHAR,
    created_at               VARCHAR,
    modality                 VARCHAR,
    prompt_usd_per_token     DOUBLE,
    completion_usd_per_token DOUBLE,
    record_index             INTEGER NOT NULL,
    snapshot_sha256          VARCHAR NOT NULL,
    source_url               VARCHAR NOT NULL,
    fetched_at               TIMESTAMPTZ NOT NULL
);
