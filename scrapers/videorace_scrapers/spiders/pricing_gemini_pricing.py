"""Gemini API pricing page (Veo rows), one HTML page. VIDEORACE_GEMINI_PRICING_URL replaces the base."""

from __future__ import annotations

from .base import SnapshotSpider


class GeminiPricingSpider(SnapshotSpider):
    source = "gemini_pricing"

    async def start(self):
        yield self.request(f"{self.base_url}/gemini-api/docs/pricing", label="pricing")
