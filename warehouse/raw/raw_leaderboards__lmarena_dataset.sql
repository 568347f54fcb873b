-- arena.ai's official leaderboard dataset (lmarena-ai/leaderboard-dataset, video subsets) as its JSON
-- mirror publishes it: one row per model per subset per snapshot, full-precision rating with its
-- bounds and variance, vote count, the dataset's publish date. Labels as written (organization
-- lower-case, licence text); board is the subset spelled as the community mirror spells boards.
CREATE TABLE IF NOT EXISTS raw.raw_leaderboards__lmarena_dataset (
    board                    VARCHAR NOT NULL,
    subset                   VARCHAR NOT NULL,
    category                 VARCHAR,
    rank                     INTEGER NOT NULL,
    model                    VARCHAR NOT NULL,
    organization             VARCHAR,
    license                  VARCHAR,
    rating                   DOUBLE NOT NULL,
    rating_lower             DOUBLE,
    rating_upper             DOUBLE,
    variance                 DOUBLE,
    vote_count               BIGINT,
    leaderboard_publish_date DATE NOT NULL,
    upstream_url             VARCHAR,
    upstream_fetched_at      VARCHAR,
    snapshot_date            DATE NOT NULL,
    record_index             INTEGER NOT NULL,
    snapshot_sha256          VARCHAR NOT NULL,
    source_url               VARCHAR NOT NULL,
    fetched_at               TIMESTAMPTZ NOT NULL
);
