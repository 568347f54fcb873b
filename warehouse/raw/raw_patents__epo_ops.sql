-- EPO OPS published-data search answers as OPS gives them: one row per query per snapshot, the
-- query's CPC scope, publication country and year (from the snapshot label, checked against the
-- CQL OPS echoes; NULL for an `unattributed` recorded example such as ti=battery), the echoed CQL,
-- total-result-count (count_is_lower_bound: OPS caps it at 10000, so 10000 means "at least"),
-- response_kind (biblio-search, or classification-search whose count is of CPC classes) and
-- publications-count, with provenance.
CREATE TABLE IF NOT EXISTS raw.raw_patents__epo_ops (
    query_scope          VARCHAR,
    publication_country  VARCHAR,
    publication_year     INTEGER,
    response_kind        VARCHAR NOT NULL,
    cql_query            VARCHAR NOT NULL,
    total_result_count   BIGINT NOT NULL,
    count_is_lower_bound BOOLEAN NOT NULL,
    publications_count   INTEGER,
    range_begin          INTEGER,
    range_end            INTEGER,
    record_index         INTEGER NOT NULL,
    snapshot_sha256      VARCHAR NOT NULL,
    source_url           VARCHAR NOT NULL,
    fetched_at           TIMESTAMPTZ NOT NULL
);
