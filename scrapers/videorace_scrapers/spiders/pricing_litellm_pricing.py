"""LiteLLM's price catalogue, the raw `model_prices_and_context_window.json` at the root of the
BerriAI/litellm repository (one file, ~3.5 MB). VIDEORACE_LITELLM_PRICING_URL replaces the whole
file URL (a pinned commit, a mirror or a test server); the default is the registry's live URL.
"""

from __future__ import annotations

from .base import SnapshotSpider


class LitellmPricingSpider(SnapshotSpider):
    source = "litellm_pricing"

    async def start(self):
        yield self.request(self.base_url, label="model_prices_and_context_window")
