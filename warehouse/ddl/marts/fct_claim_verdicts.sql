-- fct_claim_verdicts: the claims ledger with history. One row per claim and refresh day: the value
-- the claim's rule (warehouse/claims/<claim_id>.sql) computed from the marts, its verdict
-- (supported / partly / refuted / insufficient data) and why, the warehouse rows and source URLs
-- it used, and the curated evidence links from claims.csv. Appended per refresh day; rerunning the
-- same day replaces that day's rows (delete-then-insert in one transaction). data_through is the
-- newest date of the evidence the rule read (the data's own date, not the refresh day).
CREATE TABLE IF NOT EXISTS marts.fct_claim_verdicts (
    claim_id               VARCHAR NOT NULL,
    refresh_date           DATE NOT NULL,
    claim_text             VARCHAR NOT NULL,
    metric                 VARCHAR,
    value_in_article       VARCHAR,
    value                  VARCHAR,
    verdict                VARCHAR NOT NULL,
    reason                 VARCHAR NOT NULL,
    warehouse_evidence     VARCHAR,
    warehouse_source_urls  VARCHAR,
    data_through           DATE,
    curated_evidence_urls  VARCHAR,
    rule_file              VARCHAR NOT NULL,
    rule_sha256            VARCHAR,
    computed_at            TIMESTAMPTZ NOT NULL,
    curated_file           VARCHAR NOT NULL,
    curated_row            INTEGER NOT NULL
);
-- a ledger created before data_through existed gains the column (NULL on its older rows)
ALTER TABLE marts.fct_claim_verdicts ADD COLUMN IF NOT EXISTS data_through DATE;
