"""What spiders yield: a whole response to snapshot, or a request that finally failed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SnapshotItem:
    source: str
    url: str
    body: bytes
    status: int
    content_type: str | None = None
    label: str = ""


@dataclass
class FailureItem:
    source: str
    url: str
    reason: str
