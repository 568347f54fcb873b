-- EPO OPS published-data search answers as OPS gives them: one row per CQL query per snapshot,
-- the query's CPC scope, publication country and year (from the snapshot label, checked against
-- the CQL OPS echoes), the echoed CQL and total-result-count, with provenance.
CREATE TABLE IF NOT EXISTS raw.raw_patents__epo_ops (
    query_scope          VARCHAR NOT NULL,
    publication_country  VARCHAR NOT NULL,
    publication_year     INTEGER NOT NULL,
    cql_query            VARCHAR NOT NULL,
    total_result_count   BIGINT NOT NULL,
    range_begin          INTEGER,
    range_end            INTEGER,
    record_index         INTEGER NOT NULL,
    snapshot_sha256      VARCHAR NOT NULL,
    source_url           VARCHAR NOT NULL,
    fetched_at           TIMESTAMPTZ NOT NULL
);
