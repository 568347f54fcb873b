-- fct_open_model_stats: Hugging Face Hub video models as seen in each snapshot (key model_id +
-- snapshot_sha256), accumulating across snapshots so downloads and likes can be followed over time.
-- Lab and country from the uploading organisation (stg_open_models); unknown stays NULL. downloads is
-- the Hub API's figure (downloads over the last 30 days), likes the total at fetch time.
select
    model_id,
    snapshot_sha256,
    snapshot_date,
    fetched_at,
    author,
    lab_id,
    country_code,
    pipeline_tag,
    downloads,
    likes,
    created_at,
    license,
    library_name,
    source_url,
    record_index
from stg.stg_open_models
qualify row_number() over (partition by model_id, snapshot_sha256 order by record_index) = 1
