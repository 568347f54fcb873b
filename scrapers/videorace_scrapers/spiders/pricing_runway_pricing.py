"""Runway API reference (credits per second per model), the raw markdown of the runwayml/skills
repository's rw-api-reference skill. `-a path=...` moves the file if the repository is reorganised;
VIDEORACE_RUNWAY_PRICING_URL replaces the base (default: the registry row, warehouse/seeds/sources.csv).
"""

from __future__ import annotations

from .base import SnapshotSpider

REFERENCE_PATH = "skills/rw-api-reference/SKILL.md"


class RunwayPricingSpider(SnapshotSpider):
    source = "runway_pricing"

    def __init__(self, path: str = REFERENCE_PATH, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.path = path.lstrip("/")

    async def start(self):
        yield self.request(f"{self.base_url}/{self.path}", label="rw-api-reference")
