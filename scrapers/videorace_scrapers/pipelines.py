"""The one item pipeline: write each response into the snapshot store and its record into the
manifest the parent process reads back; write final failures beside it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from scrapy.exceptions import NotConfigured

from .items import FailureItem, SnapshotItem
from .snapshots import SnapshotStore, SnapshotWriteError


class SnapshotPipeline:
    def __init__(self, snapshot_dir: str, manifest: str | None, failures: str | None) -> None:
        self.store = SnapshotStore(snapshot_dir)  # a folder or s3://bucket/prefix
        self.manifest = Path(manifest) if manifest else None
        self.failures = Path(failures) if failures else None

    @classmethod
    def from_crawler(cls, crawler):
        snapshot_dir = crawler.settings.get("VIDEORACE_SNAPSHOT_DIR")
        if not snapshot_dir:
            raise NotConfigured("set VIDEORACE_SNAPSHOT_DIR (-s VIDEORACE_SNAPSHOT_DIR=...) to store snapshots")
        return cls(snapshot_dir, crawler.settings.get("VIDEORACE_MANIFEST"), crawler.settings.get("VIDEORACE_FAILURES"))

    def _append(self, path: Path | None, record: dict) -> None:
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def process_item(self, item, spider=None):
        if isinstance(item, FailureItem):
            self._append(self.failures, asdict(item))
            return item
        if isinstance(item, SnapshotItem):
            try:
                snap = self.store.put(
                    item.source, item.url, item.body, mode="live", content_type=item.content_type, label=item.label
                )
            except SnapshotWriteError as exc:  # reported as this URL's failure, with the real reason
                self._append(self.failures, {"source": item.source, "url": item.url, "reason": str(exc)})
                return item
            self._append(self.manifest, snap.as_row())
        return item
