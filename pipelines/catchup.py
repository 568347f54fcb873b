"""Catch-up for scheduled live runs: where a fetch starts, so that a run before the source publishes,
or after missed days, fills what is missing instead of asking for a fixed window.

- Date-addressed sources (the arena mirror's `data/<day>/…` files): every day from the newest day
  already stored (raw.snapshots, the date in each snapshot's URL) up to the source's own latest day,
  at most `Settings.catchup_max_days` days (VIDEORACE_CATCHUP_MAX_DAYS, default 60: one request a day).
- Range endpoints (FRED dates, Yahoo periods): one request from the newest stored observation (minus
  a few days of overlap, which picks up late revisions; the loader keeps the newest snapshot of each
  day) up to today, bounded by `Settings.catchup_range_max_days` (VIDEORACE_CATCHUP_RANGE_MAX_DAYS,
  default 730).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import duckdb

from .warehouse import table_exists

# source -> the regular expression that finds a snapshot's data day in its URL
CATCH_UP_SOURCES = {"arena": r"/data/(\d{4}-\d{2}-\d{2})/"}


def newest_stored_day(con: duckdb.DuckDBPyConnection, source: str) -> str | None:
    """The newest data day among the stored snapshots of `source` (recordings and live ones), as
    YYYY-MM-DD, or None when the source keeps no date in its URLs or nothing is stored yet."""
    pattern = CATCH_UP_SOURCES.get(source)
    if pattern is None:
        return None
    rows = con.execute(
        "SELECT max(try_cast(regexp_extract(url, ?, 1) AS DATE)) FROM raw.snapshots WHERE source = ?", [pattern, source]
    ).fetchall()
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


OVERLAP_DAYS = 5
# source -> (raw table, SQL giving the newest stored date every series has reached)
NEWEST = {
    "fred": ("raw_fx__fred", "SELECT max(date) FROM raw.raw_fx__fred"),
    # the oldest of the per-ticker newest days, so that every listing catches up
    "yahoo": (
        "raw_stocks__yahoo",
        "SELECT min(newest) FROM (SELECT max(date) AS newest FROM raw.raw_stocks__yahoo GROUP BY ticker)",
    ),
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


def catchup_args(
    con: duckdb.DuckDBPyConnection, source: str, max_days: int, today: date | None = None
) -> dict[str, str]:
    """Spider arguments (`-a start=YYYY-MM-DD`) for a source with a range endpoint; {} otherwise."""
    if source not in NEWEST:
        return {}
    today = today or datetime.now(UTC).date()
    return {"start": catchup_start(newest_stored(con, source), today, max_days).isoformat()}


def catch_up_state(warehouse: str, source: str, range_max_days: int, log=None) -> tuple[dict[str, str], str | None]:
    """(range spider args, newest stored day) of `source`, read from the published copy at
    `warehouse`; ({}, None) when it cannot be opened (none published yet), said in `log`."""
    from .publish import published_state

    if source not in CATCH_UP_SOURCES and source not in NEWEST:
        return {}, None
    with published_state(warehouse) as con:
        if con is None or not table_exists(con, "raw", "snapshots"):
            if log is not None:
                log.warning(f"{source}: no published warehouse to catch up from: the spider's default window")
            return {}, None
        return catchup_args(con, source, range_max_days), newest_stored_day(con, source)
