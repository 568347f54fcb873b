-- GitHub REST releases of open-weight video repos as the API gives them: one row per release per
-- snapshot (a page of /repos/{owner}/{repo}/releases); timestamps kept as ISO text.
CREATE TABLE IF NOT EXISTS raw.raw_releases__github_releases (
    repo            VARCHAR,
    tag_name        VARCHAR NOT NULL,
    name            VARCHAR,
    published_at    VARCHAR,
    created_at      VARCHAR,
    prerelease      BOOLEAN NOT NULL,
    draft           BOOLEAN NOT NULL,
    html_url        VARCHAR,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
