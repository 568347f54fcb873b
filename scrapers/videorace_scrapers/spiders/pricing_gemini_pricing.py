"""Gemini API pricing page (Veo rows), one HTML page. VIDEORACE_GEMINI_PRICING_URL replaces the base."""

from __future__ import annotations

from .base import SnapshotSpider


class GeminiPricingSpider(SnapshotSpider):
    name = "pricing_gemini_pricing"
    source = "gemini_pricing"
    default_base_url = "https://ai.google.dev"

    async def start(self):
        yield self.request(f"{self.base_url}/gemini-api/docs/pricing", label="pricing")
