"""raw.source_runs: one row per source and refresh step that touched it (skipped, failed, loaded,
unchanged), the record `videorace status`, the freshness checks and the site badges read."""

from datetime import UTC, datetime


def record_run(
    con,
    run_id: str,
    source: str,
    mode: str,
    status: str,
    *,
    seen=None,
    new=None,
    rows=None,
    failures=0,
    message: str | None = None,
) -> None:
    con.execute(
        "INSERT INTO raw.source_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [datetime.now(UTC), run_id, source, mode, status, seen, new, rows, failures, message],
    )


def carried_status(con, source: str, status: str, message: str | None, mode: str) -> tuple[str, str | None]:
    """A replay that finds nothing new has not fetched the source: it must not turn a failed
    source (a live fetch that failed, a refused snapshot) back into a healthy one."""
    if status != "unchanged" or mode == "live":
        return status, message
    rows = con.execute(
        """SELECT status, message, run_started_at FROM raw.source_runs WHERE source = ?
                          ORDER BY run_started_at DESC LIMIT 1""",
        [source],
    ).fetchall()
    if rows and rows[0][0] == "failed":
        since = rows[0][2].astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        previous = rows[0][1] or ""
        if not previous.startswith("still failed"):
            previous = f"still failed since {since} (nothing new replayed): {previous}"
        return "failed", previous
    return status, message
