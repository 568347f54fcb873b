"""The two assets every fetched source has: its snapshots (fetch) and its raw table (parse+load).

A failing source records the failure in raw.source_runs and fails its `last_load_ok` check, but
does not raise: the warehouse keeps its last good rows and the other families still refresh.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import dagster as dg
from dagster_duckdb import DuckDBResource

from videorace_scrapers.parsers import ParseError
from videorace_scrapers.snapshots import Snapshot

from ..catchup import catchup_args, newest_stored_day
from ..fetch import SourceSkipped
from ..loading import load_source
from ..resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG, SourceFetcher
from ..snapshot_ledger import register_snapshots
from ..sources import get_source
from ..warehouse import ensure_base_tables, transaction
from .bundle import check_results, check_spec, warehouse_connection
from .checks import Check, key_checks, last_run_check
from .metadata import table_metadata


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


def fetch_status_in_run(con, run_id: str, source: str) -> tuple[str, str] | None:
    rows = con.execute(
        "SELECT status, message FROM raw.source_runs WHERE run_id = ? AND source = ? ORDER BY run_started_at DESC "
        "LIMIT 1",
        [run_id, source],
    ).fetchall()
    return rows[0] if rows else None


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


def _snapshots_of(con, source: str) -> list[Snapshot]:
    rows = con.execute(
        """SELECT sha256, source, url, strftime(fetched_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'), mode, path, bytes,
                  coalesce(label, '')
           FROM raw.snapshots WHERE source = ? ORDER BY fetched_at, url""",
        [source],
    ).fetchall()
    return [Snapshot(*row) for row in rows]


def _fetch(context, con, fetcher: SourceFetcher, name: str, raw_key: str) -> dict:
    """Fetch (replay or live) and register the snapshots; the snapshot asset's metadata."""
    ensure_base_tables(con)
    try:
        # range endpoints (FRED, Yahoo) ask only for the days since the newest stored one;
        # date-addressed ones (arena) for every day since the newest stored day
        args = catchup_args(con, name, fetcher.catchup_range_max_days) if fetcher.mode == "live" else {}
        result = fetcher.fetch(name, spider_args=args or None, newest_day=newest_stored_day(con, name))
    except SourceSkipped as exc:
        record_run(con, context.run.run_id, name, fetcher.mode, "skipped", failures=0, message=str(exc))
        context.log.warning(str(exc))
        return {"status": "skipped", "reason": str(exc)}
    except Exception as exc:  # noqa: BLE001 — a bad manifest or a missing file fails this source only
        message = _one_line(name, exc)
        record_run(con, context.run.run_id, name, fetcher.mode, "failed", failures=1, message=message)
        context.log.error(f"{name}: fetch failed, keeping the last good data: {message}")
        return {"status": "failed", "error": message}
    with transaction(con):
        refused = register_snapshots(con, result.snapshots)
    if refused:
        message = "; ".join(str(e) for _, e in refused[:10])
        record_run(
            con,
            context.run.run_id,
            name,
            fetcher.mode,
            "failed",
            seen=len(result.snapshots),
            failures=len(refused),
            message=message,
        )
        context.log.error(f"{message} — raw.{raw_key} keeps its last good rows")
    elif result.failures:
        record_run(
            con,
            context.run.run_id,
            name,
            fetcher.mode,
            "partial",
            seen=len(result.snapshots),
            failures=len(result.failures),
            message="; ".join(f"{f.get('url')}: {f.get('reason')}" for f in result.failures[:10]),
        )
    return {
        "status": "ok",
        "mode": result.mode,
        "snapshots": len(result.snapshots),
        "failed_requests": len(result.failures),
    }


def _load(context, con, fetcher: SourceFetcher, unit: "SourceAssets") -> dict:
    """Parse and load the source's new snapshots into its raw table; the raw asset's metadata."""
    name, raw_key = unit.name, unit.raw_key
    ensure_base_tables(con)
    fetched = fetch_status_in_run(con, context.run.run_id, name)
    try:
        report = load_source(
            con, name, raw_key, _snapshots_of(con, name), unit.parse_options, read=fetcher.read_snapshot
        )
    except Exception as exc:  # noqa: BLE001 — one snapshot's failure is that snapshot's, recorded
        message = _one_line(name, exc)
        record_run(con, context.run.run_id, name, fetcher.mode, "failed", failures=1, message=message)
        context.log.error(f"{message} — raw.{raw_key} keeps its last good rows")
        return {"status": "failed", "error": message}
    if fetched and fetched[0] in ("failed", "skipped"):
        status = fetched[0]  # keep the fetch's verdict; rows below are the last good ones
    else:
        status = "partial" if fetched and fetched[0] == "partial" else report.status
        status, carried = carried_status(con, name, status, fetched[1] if fetched else None, fetcher.mode)
        record_run(
            con,
            context.run.run_id,
            name,
            fetcher.mode,
            status,
            seen=report.snapshots_seen,
            new=report.snapshots_new,
            rows=report.rows_loaded,
            failures=0 if status != "partial" else None,
            message=carried,
        )
    meta = table_metadata(con, f"raw.{raw_key}", unit.date_column)
    meta.update({"status": status, "snapshots_new": report.snapshots_new, "rows_loaded_now": report.rows_loaded})
    return meta


@dataclass(frozen=True)
class SourceAssets:
    """A fetched source's snapshot and raw assets, built as one step (fetch, then parse and load)
    with the checks on them (bundle.Buildable); each keeps its own asset key and metadata."""

    name: str
    date_column: str | None
    parse_options: Callable[[Snapshot], dict]

    @property
    def fetch_key(self) -> dg.AssetKey:
        source = get_source(self.name)
        return dg.AssetKey(f"snapshots_{source.family}__{source.name}")

    @property
    def raw_key(self) -> str:
        return get_source(self.name).raw_table

    @property
    def keys(self) -> frozenset[dg.AssetKey]:
        return frozenset({self.fetch_key, dg.AssetKey(self.raw_key)})

    def build(self, checks: list[Check]) -> dg.AssetsDefinition:
        source, unit = get_source(self.name), self

        def checks_on(key: dg.AssetKey) -> list[Check]:
            return [c for c in checks if c.key.asset_key == key]

        tags = {"family": source.family, "cadence": source.cadence}  # schedules select by it
        fetch_spec = dg.AssetSpec(
            self.fetch_key,
            group_name=source.family,
            kinds={"scrapy"},
            tags={**tags, "layer": "snapshot"},
            description=f"Snapshots of {source.title} ({source.data_format}); replayed from recordings "
            f"or fetched live by spider `{source.spider}`. Terms: {source.terms}.",
            skippable=True,
        )
        raw_spec = dg.AssetSpec(
            self.raw_key,
            deps=[self.fetch_key],
            group_name=source.family,
            kinds={"duckdb"},
            tags={**tags, "layer": "raw"},
            description=f"raw.{self.raw_key}: {source.title}, faithful to the source, one row per record per "
            "snapshot, with snapshot_sha256, source_url and fetched_at.",
            skippable=True,
        )

        @dg.multi_asset(
            name=f"source_{source.name}",
            specs=[fetch_spec, raw_spec],
            check_specs=[check_spec(c) for c in checks],
            can_subset=True,
            pool=WAREHOUSE_WRITER_POOL,
            op_tags=WAREHOUSE_WRITER_TAG,
            description=f"{source.title}: fetch, then parse and load, in one step",
        )
        def _source(context: dg.AssetExecutionContext, duckdb: DuckDBResource, fetcher: SourceFetcher):
            selected, raw = context.selected_asset_keys, dg.AssetKey(unit.raw_key)
            with warehouse_connection(duckdb) as con:
                if unit.fetch_key in selected:
                    meta = _fetch(context, con, fetcher, unit.name, unit.raw_key)
                    yield dg.MaterializeResult(asset_key=unit.fetch_key, metadata=meta)
                    yield from check_results(con, checks_on(unit.fetch_key), context.selected_asset_check_keys)
                if raw in selected:
                    yield dg.MaterializeResult(asset_key=raw, metadata=_load(context, con, fetcher, unit))
                    yield from check_results(con, checks_on(raw), context.selected_asset_check_keys)

        return _source


def source_assets(
    name: str,
    *,
    keys: tuple[str, ...],
    date_column: str | None = None,
    parse_options: Callable[[Snapshot], dict] = lambda snap: {},
) -> list:
    unit = SourceAssets(name, date_column, parse_options)
    raw_key = unit.raw_key
    checks = [*key_checks(raw_key, f"raw.{raw_key}", ("snapshot_sha256", *keys)), last_run_check(raw_key, name)]
    return [unit, *checks]


def _one_line(source: str, exc: BaseException) -> str:
    """The real error, on one line, naming the source (ParseErrors already do)."""
    from videorace_scrapers.redact import redact  # a message may echo a key back

    text = redact(str(exc)).replace("\n", " ")[:1000]
    if isinstance(exc, ParseError) or text.startswith(f"{source}:"):
        return text
    return f"{source}: {type(exc).__name__}: {text}"
