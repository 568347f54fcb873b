"""Catch-up for scheduled live runs of date-addressed sources: where to start fetching.

A daily run that only asks for today's file fails whenever it runs before the source publishes, and
never fills days it missed. A source listed here is instead asked for every day from the newest
day already stored (raw.snapshots, the date in each snapshot's URL) up to the source's own latest
day, at most `Settings.catchup_max_days` days.
"""

from __future__ import annotations

import duckdb

# source -> the regular expression that finds a snapshot's data day in its URL
CATCH_UP_SOURCES = {"arena": r"/data/(\d{4}-\d{2}-\d{2})/"}


def newest_stored_day(con: duckdb.DuckDBPyConnection, source: str) -> str | None:
    """The newest data day among the stored snapshots of `source` (recordings and live ones), as
    YYYY-MM-DD, or None when the source keeps no date in its URLs or nothing is stored yet."""
    pattern = CATCH_UP_SOURCES.get(source)
    if pattern is None:
        return None
    rows = con.execute(
        "SELECT max(try_cast(regexp_extract(url, ?, 1) AS DATE)) FROM raw.snapshots WHERE source = ?",
        [pattern, source]).fetchall()
    newest = rows[0][0] if rows else None
    return newest.isoformat() if newest else None


def catch_up_spider_args(source: str, newest_day: str | None, max_days: int) -> dict[str, str]:
    """The spider arguments of a catch-up run (empty for sources without catch-up)."""
    if source not in CATCH_UP_SOURCES:
        return {}
    args = {"max_days": str(max_days)}
    if newest_day:
        args["since"] = newest_day
    return args
