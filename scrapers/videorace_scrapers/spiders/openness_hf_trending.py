"""Hugging Face Hub trending models: one request to <base>/api/trending?type=model (the list the Hub
shows as "trending", about ten models with their recent downloads and likes). The base URL is the
registry row's (warehouse/seeds/sources.csv); VIDEORACE_HF_TRENDING_URL replaces it.
An optional HF_TOKEN is sent only to the base URL's host, as the hf_models spider does.
"""

from __future__ import annotations

import os

from .base import SnapshotSpider


class HfTrendingSpider(SnapshotSpider):
    source = "hf_trending"
    # a JSON API for programmatic clients (Hub API terms and rate limits apply, honoured by the
    # shared backoff); robots.txt addresses page crawlers
    custom_settings = {"ROBOTSTXT_OBEY": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}

    async def start(self):
        headers = {"Accept": "application/json"}
        token = self.settings.get("HF_TOKEN") or os.environ.get("HF_TOKEN")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        yield self.request(f"{self.base_url}/api/trending?type=model", label="models", headers=headers)
