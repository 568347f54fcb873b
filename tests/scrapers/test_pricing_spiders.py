"""Pricing spiders only build requests from their base URL; nothing here touches the network."""

from __future__ import annotations

import asyncio

from videorace_scrapers.spiders.pricing_alibaba_pricing import AlibabaPricingSpider
from videorace_scrapers.spiders.pricing_fal_pricing import FalPricingSpider
from videorace_scrapers.spiders.pricing_gemini_pricing import GeminiPricingSpider
from videorace_scrapers.spiders.pricing_runway_pricing import RunwayPricingSpider


def requests_of(spider, settings=None):
    from scrapy.settings import Settings

    spider.settings = Settings(settings or {})

    async def collect():
        return [r async for r in spider.start()]

    return asyncio.run(collect())


def test_runway_and_gemini_urls():
    [runway] = requests_of(RunwayPricingSpider(base_url="http://127.0.0.1:9/mirror/"))
    assert runway.url == "http://127.0.0.1:9/mirror/skills/rw-api-reference/SKILL.md"
    [default] = requests_of(RunwayPricingSpider())
    assert default.url == "https://raw.githubusercontent.com/runwayml/skills/main/skills/rw-api-reference/SKILL.md"
    [gemini] = requests_of(GeminiPricingSpider(base_url="http://127.0.0.1:9"))
    assert gemini.url == "http://127.0.0.1:9/gemini-api/docs/pricing"


def test_fal_without_key_reads_the_page(monkeypatch):
    monkeypatch.delenv("FAL_KEY", raising=False)
    [page] = requests_of(FalPricingSpider(page_url="http://127.0.0.1:9/pricing"))
    assert page.url == "http://127.0.0.1:9/pricing" and b"Authorization" not in page.headers


def test_fal_with_key_calls_the_api(monkeypatch):
    monkeypatch.setenv("FAL_KEY", "test-key")
    requests = requests_of(
        FalPricingSpider(base_url="http://127.0.0.1:9", endpoints="fal-ai/veo3,fal-ai/sora-2/text-to-video")
    )
    assert [r.url for r in requests] == [
        "http://127.0.0.1:9/v1/models/pricing?endpoint_id=fal-ai/veo3",
        "http://127.0.0.1:9/v1/models/pricing?endpoint_id=fal-ai/sora-2/text-to-video",
    ]
    assert requests[0].headers[b"Authorization"] == b"Key test-key"
    monkeypatch.delenv("FAL_KEY")
    [from_setting] = requests_of(
        FalPricingSpider(base_url="http://127.0.0.1:9", endpoints="fal-ai/veo3"), {"FAL_KEY": "from-setting"}
    )
    assert from_setting.headers[b"Authorization"] == b"Key from-setting"


def test_alibaba_both_regions_through_one_base():
    requests = requests_of(AlibabaPricingSpider(base_url="http://127.0.0.1:9"))
    assert [(r.url, r.cb_kwargs["label"]) for r in requests] == [
        ("http://127.0.0.1:9/zh/model-studio/models", "mainland_cny"),
        ("http://127.0.0.1:9/help/en/model-studio/models", "international_usd"),
    ]
    assert [r.url for r in requests_of(AlibabaPricingSpider())] == [
        "https://help.aliyun.com/zh/model-studio/models",
        "https://www.alibabacloud.com/help/en/model-studio/models",
    ]
