"""Inputs for the operations tests: real arena recordings to serve from the loopback fault server,
and Scrapy settings that keep retries and delays small so the suite stays fast."""

from __future__ import annotations

from tests.support import RECORDINGS

ARENA = RECORDINGS / "arena"
T2V = (ARENA / "2026-07-12" / "text-to-video.json").read_bytes()
I2V = (ARENA / "2026-06-14" / "image-to-video.json").read_bytes()

# small retries and no politeness delays: each fault costs fractions of a second, not minutes
FAST_SCRAPY = {
    "RETRY_TIMES": "2",
    "RETRY_BACKOFF_BASE_S": "0.1",
    "RETRY_BACKOFF_MAX_S": "5",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "LOG_LEVEL": "WARNING",
}
# the same for a refresh (pipelines/config.py passes VIDEORACE_SCRAPY_<NAME> to `scrapy crawl -s NAME=`)
FAST_SCRAPY_ENV = {f"VIDEORACE_SCRAPY_{name}": value for name, value in FAST_SCRAPY.items()}
