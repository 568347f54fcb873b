"""The two assets every fetched source has: its snapshots (fetch) and its raw table (register,
parse and load), in two steps. The fetch step never opens the warehouse, so fetches run in parallel
in the cluster profile; it hands what it found to the load step through the snapshot store
(pipelines/fetch_handoff.py). The load step takes the warehouse writer pool.

A failing source records the failure in raw.source_runs and fails its `last_load_ok` check, but
does not raise: the warehouse keeps its last good rows and the other families still refresh.
"""

from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg
from dagster_duckdb import DuckDBResource

from videorace_scrapers.parsers import ParseError
from videorace_scrapers.snapshots import Snapshot

from ..fetch_handoff import FetchOutcome, clear, hand_over, hand_over_frames, take_frames, take_over
from ..loading import load_source, pre_parse
from ..resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG, SourceFetcher
from ..snapshot_ledger import register_snapshots
from ..source_runs import carried_status, record_run
from ..sources import get_source
from ..warehouse import ensure_base_tables, transaction
from .bundle import check_results, check_spec, warehouse_connection
from .checks import Check, key_checks, last_run_check
from .metadata import table_metadata


def _snapshots_of(con, source: str) -> list[Snapshot]:
    rows = con.execute(
        """SELECT sha256, source, url, strftime(fetched_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'), mode, path, bytes,
                  coalesce(label, '')
           FROM raw.snapshots WHERE source = ? ORDER BY fetched_at, url""",
        [source],
    ).fetchall()
    return [Snapshot(*row) for row in rows]


def _fetch(context, fetcher: SourceFetcher, name: str) -> FetchOutcome:
    """Fetch (replay or live) without the warehouse: what came back, or why nothing did."""
    from ..fetch import SourceSkipped

    try:
        result = fetcher.fetch_with_catch_up(name, log=context.log)
    except SourceSkipped as exc:
        context.log.warning(str(exc))
        return FetchOutcome(name, fetcher.mode, "skipped", message=str(exc))
    except Exception as exc:  # noqa: BLE001 — a bad manifest or a missing file fails this source only
        message = _one_line(name, exc)
        context.log.error(f"{name}: fetch failed, keeping the last good data: {message}")
        return FetchOutcome(name, fetcher.mode, "failed", message=message)
    return FetchOutcome(name, result.mode, "ok", result.snapshots, result.failures)


def _register(context, con, outcome: FetchOutcome, raw_key: str) -> tuple[str, str | None] | None:
    """Register what the fetch found and record a failed, skipped or partial fetch; the fetch's
    (status, message) for the load's own record, or None when it found everything it asked for."""
    run_id, name, mode = context.run.run_id, outcome.source, outcome.mode
    if outcome.status != "ok":
        record_run(
            con, run_id, name, mode, outcome.status, failures=int(outcome.status == "failed"), message=outcome.message
        )
        return outcome.status, outcome.message
    with transaction(con):
        refused = register_snapshots(con, outcome.snapshots)
    seen = len(outcome.snapshots)
    if refused:
        message = "; ".join(str(e) for _, e in refused[:10])
        record_run(con, run_id, name, mode, "failed", seen=seen, failures=len(refused), message=message)
        context.log.error(f"{message} — raw.{raw_key} keeps its last good rows")
        return "failed", message
    if outcome.failures:
        message = "; ".join(f"{f.get('url')}: {f.get('reason')}" for f in outcome.failures[:10])
        record_run(con, run_id, name, mode, "partial", seen=seen, failures=len(outcome.failures), message=message)
        return "partial", message
    return None


def _load(
    context, con, fetcher: SourceFetcher, unit: "SourceAssets", fetched: tuple[str, str | None] | None, parsed: dict
) -> dict:
    """Parse and load the source's new snapshots into its raw table; the raw asset's metadata.
    `fetched`: the fetch's (status, message) when it was not simply ok."""
    name, raw_key = unit.name, unit.raw_key
    try:
        report = load_source(
            con, name, raw_key, _snapshots_of(con, name), unit.parse_options, read=fetcher.read_snapshot, parsed=parsed
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
    """A fetched source: what its two steps have in common (names, keys, specs)."""

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

    def spec(self, layer: str) -> dg.AssetSpec:
        source = get_source(self.name)
        tags = {"family": source.family, "cadence": source.cadence, "layer": layer}  # schedules select by them
        if layer == "snapshot":
            return dg.AssetSpec(
                self.fetch_key,
                group_name=source.family,
                kinds={"scrapy"},
                tags=tags,
                description=f"Snapshots of {source.title} ({source.data_format}); replayed from recordings "
                f"or fetched live by spider `{source.spider}`. Terms: {source.terms}.",
                skippable=True,
            )
        return dg.AssetSpec(
            self.raw_key,
            deps=[self.fetch_key],
            group_name=source.family,
            kinds={"duckdb"},
            tags=tags,
            description=f"raw.{self.raw_key}: {source.title}, faithful to the source, one row per record per "
            "snapshot, with snapshot_sha256, source_url and fetched_at.",
            skippable=True,
        )


def _parse_ahead(fetcher: SourceFetcher, unit: SourceAssets, outcome: FetchOutcome, run_id: str) -> int:
    """Parse what the published copy has not loaded and hand the frames to the load step."""
    frames = pre_parse(
        fetcher.published_copy, unit.name, unit.raw_key, outcome.snapshots, unit.parse_options, fetcher.read_snapshot
    )
    hand_over_frames(fetcher.snapshot_dir, run_id, unit.name, frames)
    return len(frames)


@dataclass(frozen=True)
class SourceFetch:
    """The fetch step (bundle.Buildable): no warehouse, no writer pool, so fetches run side by side."""

    unit: SourceAssets

    @property
    def keys(self) -> frozenset[dg.AssetKey]:
        return frozenset({self.unit.fetch_key})

    def build(self, checks: list[Check]) -> dg.AssetsDefinition:
        if checks:  # a check opens the warehouse: it belongs on the raw table, in the load step
            raise ValueError(f"{self.unit.name}: checks on the snapshot asset are not supported: {checks}")
        unit = self.unit

        @dg.multi_asset(
            name=f"fetch_{unit.name}",
            specs=[unit.spec("snapshot")],
            description=f"{get_source(unit.name).title}: fetch (replay or live); opens no warehouse",
        )
        def _fetch_step(context: dg.AssetExecutionContext, fetcher: SourceFetcher):
            outcome, run_id = _fetch(context, fetcher, unit.name), context.run.run_id
            meta: dict = {"status": outcome.status, "mode": outcome.mode}
            if outcome.status == "ok":
                meta.update(snapshots=len(outcome.snapshots), failed_requests=len(outcome.failures))
                if fetcher.parse_in_fetch:
                    meta["snapshots_parsed"] = _parse_ahead(fetcher, unit, outcome, run_id)
            else:
                meta["reason" if outcome.status == "skipped" else "error"] = outcome.message or ""
            hand_over(fetcher.snapshot_dir, run_id, outcome)
            yield dg.MaterializeResult(asset_key=unit.fetch_key, metadata=meta)

        return _fetch_step


@dataclass(frozen=True)
class SourceLoad:
    """The load step (bundle.Buildable): registers what this run's fetch handed over, then parses
    and loads, with the raw table's checks; takes the warehouse writer pool."""

    unit: SourceAssets

    @property
    def keys(self) -> frozenset[dg.AssetKey]:
        return frozenset({dg.AssetKey(self.unit.raw_key)})

    def build(self, checks: list[Check]) -> dg.AssetsDefinition:
        unit = self.unit

        @dg.multi_asset(
            name=f"load_{unit.name}",
            specs=[unit.spec("raw")],
            check_specs=[check_spec(c) for c in checks],
            pool=WAREHOUSE_WRITER_POOL,
            op_tags=WAREHOUSE_WRITER_TAG,
            description=f"{get_source(unit.name).title}: register the fetched snapshots, parse and load",
        )
        def _load_step(context: dg.AssetExecutionContext, duckdb: DuckDBResource, fetcher: SourceFetcher):
            run = context.run
            # this run's fetch; a re-execution of this step alone finds the one of the run it re-executes
            runs = [r for r in dict.fromkeys([run.run_id, run.parent_run_id, run.root_run_id]) if r]
            handed = take_over(fetcher.snapshot_dir, runs, unit.name)
            outcome = handed[1] if handed else None
            with warehouse_connection(duckdb) as con:
                ensure_base_tables(con)
                fetched = _register(context, con, outcome, unit.raw_key) if outcome else None
                # frames exist only where fetch steps parse (the cluster profile): no listing otherwise
                parsed = (
                    take_frames(fetcher.snapshot_dir, handed[0], unit.name) if handed and fetcher.parse_in_fetch else {}
                )
                meta = _load(context, con, fetcher, unit, fetched, parsed)
                yield dg.MaterializeResult(asset_key=dg.AssetKey(unit.raw_key), metadata=meta)
                yield from check_results(con, checks, context.selected_asset_check_keys)
            if handed:  # registered and recorded: a later re-execution loads from raw.snapshots
                clear(fetcher.snapshot_dir, handed[0], unit.name)

        return _load_step


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
    return [SourceFetch(unit), SourceLoad(unit), *checks]


def _one_line(source: str, exc: BaseException) -> str:
    """The real error, on one line, naming the source (ParseErrors already do)."""
    from videorace_scrapers.redact import redact  # a message may echo a key back

    text = redact(str(exc)).replace("\n", " ")[:1000]
    if isinstance(exc, ParseError) or text.startswith(f"{source}:"):
        return text
    return f"{source}: {type(exc).__name__}: {text}"
