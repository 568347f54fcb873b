"""OpenRouter's LLM token panel and model catalogue as the sui414/openrouter-pricing-data collector
commits them (its GitHub Actions call OpenRouter's public JSON APIs daily and write CSVs). We read
the collector's CSVs, not OpenRouter's undocumented frontend rankings endpoint: the snapshot's URL
names the repository it was read from. Two requests: data/csv/model_rankings.csv and the catalogue
of one day, data/csv/models/date=<day>.csv (`-a day=YYYY-MM-DD`, default today UTC).
VIDEORACE_OPENROUTER_RANKINGS_URL replaces the base (default the repository's main branch).
"""

from __future__ import annotations

from datetime import UTC, datetime

from .base import SnapshotSpider


class OpenrouterRankingsSpider(SnapshotSpider):
    source = "openrouter_rankings"

    def __init__(self, day: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.day = day or datetime.now(UTC).date().isoformat()

    async def start(self):
        yield self.request(f"{self.base_url}/data/csv/model_rankings.csv", label="token_panel")
        yield self.request(f"{self.base_url}/data/csv/models/date={self.day}.csv", label="catalogue")
