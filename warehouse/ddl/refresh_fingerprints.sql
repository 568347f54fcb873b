-- One row per completed replay refresh: a hash over every input (recordings, seeds, SQL, code).
-- An identical fingerprint means nothing changed, so the next replay refresh has nothing to do.
CREATE TABLE IF NOT EXISTS raw.refresh_fingerprints (
    fingerprint   VARCHAR NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    mode          VARCHAR NOT NULL
);
