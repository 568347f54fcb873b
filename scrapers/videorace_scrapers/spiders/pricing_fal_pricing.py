"""fal.ai video model prices. With FAL_KEY: the Platform API, one request per endpoint
(`/v1/models/pricing?endpoint_id=...`, header `Authorization: Key <FAL_KEY>`). Without a key: the
public pricing page (<site>/pricing). `-a endpoints=a,b` replaces the endpoint list;
VIDEORACE_FAL_PRICING_URL replaces the API base and, with it, the page (<stand-in>/pricing), so a
stand-in server receives every request; `-a page_url=...` names the page explicitly.
"""

from __future__ import annotations

import os
from urllib.parse import quote

from ..registry import get_source
from .base import SnapshotSpider

# Chinese and U.S. text-to-video endpoints on fal (one schema for both sides of the race)
ENDPOINTS = (
    "fal-ai/veo3",
    "fal-ai/veo3/fast",
    "fal-ai/sora-2/text-to-video",
    "fal-ai/kling-video/v2.5-turbo/pro/text-to-video",
    "fal-ai/wan-25-preview/text-to-video",
    "fal-ai/minimax/hailuo-02/standard/text-to-video",
    "fal-ai/bytedance/seedance/v1/pro/text-to-video",
)


class FalPricingSpider(SnapshotSpider):
    source = "fal_pricing"

    def __init__(self, endpoints: str | None = None, page_url: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.endpoints = [e.strip() for e in endpoints.split(",")] if endpoints else list(ENDPOINTS)
        stand_in = self.base_url != self.default_base_url
        # the public pricing page is the registry row's alt_url (another host than the API's)
        self.page_url = page_url or (f"{self.base_url}/pricing" if stand_in else get_source(self.source).alt_url)

    async def start(self):
        # The key is read here from the environment on purpose (as patents_epo_ops does): the spider
        # runs in its own `scrapy crawl` process and a key passed with -a/-s would show in process
        # listings and in Scrapy's logged arguments. A FAL_KEY Scrapy setting is honoured too.
        key = self.settings.get("FAL_KEY") or os.environ.get("FAL_KEY")
        if not key:
            self.logger.info("fal_pricing: FAL_KEY not set, reading the public pricing page")
            yield self.request(self.page_url, label="page")
            return
        for endpoint in self.endpoints:
            yield self.request(
                f"{self.base_url}/v1/models/pricing?endpoint_id={quote(endpoint, safe='/')}",
                label=endpoint,
                headers={"Authorization": f"Key {key}", "Accept": "application/json"},
            )
