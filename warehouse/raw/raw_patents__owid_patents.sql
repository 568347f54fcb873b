-- OWID grapher rows as written: AI patent applications per 1 million people by entity (country or
-- OWID aggregate) and year, field "All" (all AI, CSET), 2014-2019 in the recording.
CREATE TABLE IF NOT EXISTS raw.raw_patents__owid_patents (
    entity                   VARCHAR NOT NULL,
    code                     VARCHAR,
    year                     INTEGER NOT NULL,
    applications_per_million DOUBLE NOT NULL,
    field                    VARCHAR NOT NULL,
    record_index             INTEGER NOT NULL,
    snapshot_sha256          VARCHAR NOT NULL,
    source_url               VARCHAR NOT NULL,
    fetched_at               TIMESTAMPTZ NOT NULL
);
