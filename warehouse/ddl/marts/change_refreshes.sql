-- marts.change_refreshes: one row per refresh that recorded the change feed (written by the
-- fct_changes asset, pipelines/defs/outputs/changes.py).
CREATE TABLE IF NOT EXISTS marts.change_refreshes (
    refreshed_at           TIMESTAMPTZ NOT NULL,
    previous_refreshed_at  TIMESTAMPTZ,
    changes_total          INTEGER NOT NULL,
    changes_new            INTEGER NOT NULL,
    kinds_skipped          VARCHAR
);
