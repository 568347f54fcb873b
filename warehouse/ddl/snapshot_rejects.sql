-- One row per snapshot its parser refused (challenge page, truncated or changed body): the reason
-- names the source and the snapshot. Later loads skip these hashes, so one bad response fails one
-- refresh, not every refresh after it. Delete a row to have that snapshot parsed again.
CREATE TABLE IF NOT EXISTS raw.snapshot_rejects (
    sha256       VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,
    url          VARCHAR,
    path         VARCHAR,
    rejected_at  TIMESTAMPTZ NOT NULL,
    reason       VARCHAR NOT NULL
);
