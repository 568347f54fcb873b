"""Resources own every difference between environments: replay vs live, where the warehouse,
snapshots and site live, which base URL stands in for a source."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from videorace_scrapers.snapshots import SnapshotStore

from .config import Settings, load_settings

# DuckDB lets one process open the warehouse file for writing, and no other process open it at all
# meanwhile. Every step that opens it takes this Dagster concurrency pool (limit 1 in
# deploy/dagster.yaml, across runs) and carries this tag (limit 1 inside a run: definitions.py).
WAREHOUSE_WRITER_POOL = "duckdb_writer"
WAREHOUSE_WRITER_TAG = {"videorace/warehouse": "write"}


class SourceFetcher(dg.ConfigurableResource):
    """Fetches one source: from its recordings (replay) or through its Scrapy spider (live)."""

    mode: str = "replay"
    snapshot_dir: str  # a path, file://… or s3://bucket/prefix (videorace_scrapers.snapshots)
    recordings_dir: str
    url_overrides: dict[str, str] = {}
    scrapy_settings: dict[str, str] = {}
    crawl_timeout_s: int = 900
    catchup_max_days: int = 60
    catchup_range_max_days: int = 730
    # the published read-only copy: what a fetch step reads about the warehouse (how far each source
    # already is, for a live catch-up; what is loaded, for a parse ahead), since it never opens the
    # writer's file (DuckDB: one writer, no readers beside it)
    published_copy: str = ""
    # cluster profile: fetch steps also parse what is new, in parallel (pipelines/fetch_handoff.py);
    # in one process that would only add a write and a read per snapshot
    parse_in_fetch: bool = False

    def fetch_with_catch_up(self, source_name: str, log=None):
        """A fetch; a live one starts where the stored data ends (pipelines/catchup.py), as read from
        the last published state. Without one (a first refresh) the spider's own default window is
        asked; a refresh that failed since only widens the window (snapshots are content-addressed)."""
        if self.mode != "live":
            return self.fetch(source_name)
        from .catchup import catch_up_state

        args, newest_day = catch_up_state(self.published_copy, source_name, self.catchup_range_max_days, log)
        return self.fetch(source_name, spider_args=args or None, newest_day=newest_day)

    def fetch(self, source_name: str, spider_args: dict[str, str] | None = None, newest_day: str | None = None):
        """`newest_day`: the newest data day already stored; a catch-up source (pipelines/catchup.py)
        fetches from it up to the source's latest day. `spider_args` win over the catch-up ones."""
        from .catchup import catch_up_spider_args
        from .fetch import fetch_live, fetch_replay
        from .sources import get_source

        source = get_source(source_name)
        if self.mode == "live":
            return fetch_live(
                source,
                self.snapshot_dir,
                self.url_overrides.get(source.name),
                timeout_s=self.crawl_timeout_s,
                scrapy_settings=self.scrapy_settings or None,
                spider_args={
                    **catch_up_spider_args(source.name, newest_day, self.catchup_max_days),
                    **(spider_args or {}),
                }
                or None,
            )
        result = fetch_replay(source, Path(self.recordings_dir))
        store = SnapshotStore(self.snapshot_dir)
        if store.is_remote:
            # In object storage, a replay goes through the store as a live fetch does: every worker
            # of every machine reads the same bytes from the bucket, checked against their sha256.
            result.snapshots = store.stage(result.snapshots)
        return result

    def read_snapshot(self, snapshot, fetched: bytes | None = None) -> bytes:
        """The bytes of one stored snapshot (a live one in the snapshot store, a replayed one among the
        recordings, an object in a bucket; `fetched` when a batched read already has them), hashed
        again against its recorded sha256. Every raw load reads through here."""
        from videorace_scrapers.snapshots import read_snapshot_bytes

        return read_snapshot_bytes(snapshot, fetched)


class SitePaths(dg.ConfigurableResource):
    site_dir: str


def build_resources(settings: Settings | None = None) -> dict:
    settings = settings or load_settings()
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": DuckDBResource(database=str(settings.warehouse_path)),
        "fetcher": SourceFetcher(
            mode=settings.mode,
            snapshot_dir=settings.snapshot_location,
            recordings_dir=str(settings.recordings_dir),
            url_overrides=settings.url_overrides,
            scrapy_settings=settings.scrapy_overrides,
            catchup_max_days=settings.catchup_max_days,
            catchup_range_max_days=settings.catchup_range_max_days,
            published_copy=str(settings.read_path or settings.warehouse_path),
            parse_in_fetch=settings.profile == "cluster",
        ),
        "site": SitePaths(site_dir=str(settings.site_dir)),
    }
