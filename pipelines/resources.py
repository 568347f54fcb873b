"""Resources own every difference between environments: replay vs live, where the warehouse,
snapshots and site live, which base URL stands in for a source."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from .config import Settings, load_settings


class SourceFetcher(dg.ConfigurableResource):
    """Fetches one source: from its recordings (replay) or through its Scrapy spider (live)."""

    mode: str = "replay"
    snapshot_dir: str
    recordings_dir: str
    url_overrides: dict[str, str] = {}
    scrapy_settings: dict[str, str] = {}
    crawl_timeout_s: int = 900
    catchup_max_days: int = 60
    catchup_range_max_days: int = 730

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
                Path(self.snapshot_dir),
                self.url_overrides.get(source.name),
                timeout_s=self.crawl_timeout_s,
                scrapy_settings=self.scrapy_settings or None,
                spider_args={
                    **catch_up_spider_args(source.name, newest_day, self.catchup_max_days),
                    **(spider_args or {}),
                }
                or None,
            )
        return fetch_replay(source, Path(self.recordings_dir))

    def read_snapshot(self, snapshot) -> bytes:
        """The bytes of one stored snapshot (a live one in the snapshot store, a replayed one among the
        recordings), hashed again against its recorded sha256. Every raw load reads through here, so
        the store can become a bucket by changing this resource alone."""
        from videorace_scrapers.snapshots import read_snapshot_bytes

        return read_snapshot_bytes(snapshot)


class SitePaths(dg.ConfigurableResource):
    site_dir: str


def build_resources(settings: Settings | None = None) -> dict:
    settings = settings or load_settings()
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": DuckDBResource(database=str(settings.warehouse_path)),
        "fetcher": SourceFetcher(
            mode=settings.mode,
            snapshot_dir=str(settings.snapshot_dir),
            recordings_dir=str(settings.recordings_dir),
            url_overrides=settings.url_overrides,
            scrapy_settings=settings.scrapy_overrides,
            catchup_max_days=settings.catchup_max_days,
            catchup_range_max_days=settings.catchup_range_max_days,
        ),
        "site": SitePaths(site_dir=str(settings.site_dir)),
    }
