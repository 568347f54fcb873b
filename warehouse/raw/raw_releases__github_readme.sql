-- News sections of open-weight video repos' READMEs as written: one row per dated bullet per
-- snapshot, the date as the line spells it (date_text) with its precision, the bullet's markdown.
CREATE TABLE IF NOT EXISTS raw.raw_releases__github_readme (
    repo            VARCHAR,
    date            VARCHAR NOT NULL,
    date_precision  VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    line_no         INTEGER NOT NULL,
    date_text       VARCHAR NOT NULL,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
