"""Catch-up ranges for the live time-series sources whose endpoints take a range (FRED dates, Yahoo
periods): a scheduled run asks for the days from the newest stored observation (minus a few days of
overlap, which picks up late revisions; the loader keeps the newest snapshot of each day) up to
today, never a fixed window. Without stored rows, or after a long gap, the range is bounded to
`max_days` (VIDEORACE_CATCHUP_MAX_DAYS, read in config.py; default 730).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import duckdb

from .warehouse import table_exists

OVERLAP_DAYS = 5
# source -> (raw table, SQL giving the newest stored date every series has reached)
NEWEST = {
    "fred": ("raw_fx__fred", "SELECT max(date) FROM raw.raw_fx__fred"),
    # the oldest of the per-ticker newest days, so that every listing catches up
    "yahoo": ("raw_stocks__yahoo", "SELECT min(newest) FROM (SELECT max(date) AS newest FROM raw.raw_stocks__yahoo GROUP BY ticker)"),
}


def newest_stored(con: duckdb.DuckDBPyConnection, source: str) -> date | None:
    table, sql = NEWEST[source]
    if not table_exists(con, "raw", table):
        return None
    value = con.execute(sql).fetchall()[0][0]
    return value if isinstance(value, date) else None


def catchup_start(newest: date | None, today: date, max_days: int) -> date:
    floor = today - timedelta(days=max(1, max_days))
    if newest is None:
        return floor
    return max(floor, min(today, newest - timedelta(days=OVERLAP_DAYS)))


def catchup_args(con: duckdb.DuckDBPyConnection, source: str, max_days: int, today: date | None = None) -> dict[str, str]:
    """Spider arguments (`-a start=YYYY-MM-DD`) for a source with a range endpoint; {} otherwise."""
    if source not in NEWEST:
        return {}
    today = today or datetime.now(UTC).date()
    return {"start": catchup_start(newest_stored(con, source), today, max_days).isoformat()}
