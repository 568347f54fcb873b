-- stg_curated__litellm_providers: litellm_providers.csv (the vendor behind each LiteLLM provider
-- name: a lab's own platform, a cloud reseller or an aggregator), tidied: an empty lab NULL.
with source as (
    select * from raw.raw_curated__litellm_providers
),
renamed as (
    select
        litellm_provider,
        vendor_name,
        vendor_kind,
        nullif(vendor_lab_id, '') as vendor_lab_id,
        basis,
        source_url,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
