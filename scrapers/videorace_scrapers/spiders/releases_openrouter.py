"""OpenRouter's public models list with every output modality (video models included); their
`created` dates mark when each model became available through the API. One request.
VIDEORACE_OPENROUTER_URL replaces the base."""

from __future__ import annotations

from .base import SnapshotSpider


class OpenrouterSpider(SnapshotSpider):
    source = "openrouter"
    # a documented JSON API for programmatic clients (its terms govern); robots.txt addresses page
    # crawlers, and one request a week is far below any limit
    custom_settings = {"ROBOTSTXT_OBEY": False}

    async def start(self):
        yield self.request(
            f"{self.base_url}/api/v1/models?output_modalities=all",
            label="models",
            headers={"Accept": "application/json"},
        )
