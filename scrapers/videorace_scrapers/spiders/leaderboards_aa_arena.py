"""Artificial Analysis video arena boards (text-to-video, image-to-video).

Without a key: the keyless public arena-preferences JSON,
<base>/api/text-to-video/arena/preferences?supports-image-input=false|true.
With AA_API_KEY in the environment: the v2 data API, <base>/api/v2/data/media/<board> (header
x-api-key; attribution to Artificial Analysis required). AA gated the public endpoint on
2026-05-15, so with a key the v2 API is the default; `-a api=public|v2|both` chooses explicitly.
The two APIs' Elo values are on different scales (staging keeps api_source beside every row).
VIDEORACE_AA_ARENA_URL replaces the base for every request.
"""

from __future__ import annotations

import os

from ..items import FailureItem
from ..registry import board_requests
from .base import SnapshotSpider

# board -> supports-image-input of the public JSON (warehouse/seeds/source_boards.csv request_value)
PUBLIC_BOARDS = board_requests("aa_arena")
APIS = ("auto", "public", "v2", "both")


class AaArenaSpider(SnapshotSpider):
    source = "aa_arena"

    def __init__(self, api: str = "auto", *args, **kwargs):
        super().__init__(*args, **kwargs)
        if api not in APIS:
            raise ValueError(f"aa_arena: api={api!r}, expected one of {', '.join(APIS)}")
        self.api = api

    async def start(self):
        # The key is read here, inside the spider, on purpose: the spider runs in its own
        # `scrapy crawl` process (pipelines/fetch.py), and a key passed as -a/-s would show in
        # process listings and in Scrapy's logged arguments.
        key = os.environ.get("AA_API_KEY")
        use_v2 = self.api in ("v2", "both") or (self.api == "auto" and key)
        use_public = self.api in ("public", "both") or (self.api == "auto" and not key)
        if use_v2 and not key:
            reason = "aa_arena skipped: AA_API_KEY not set (the v2 API needs it)"
            self.logger.warning(reason)
            yield FailureItem(source=self.source, url=f"{self.base_url}/api/v2/data/media", reason=reason)
        if use_public:
            for board, image_input in PUBLIC_BOARDS.items():
                yield self.request(
                    f"{self.base_url}/api/text-to-video/arena/preferences?supports-image-input={image_input}",
                    label=board,
                )
        if use_v2 and key:
            for board in PUBLIC_BOARDS:
                yield self.request(
                    f"{self.base_url}/api/v2/data/media/{board}",
                    label=board,
                    headers={"x-api-key": key, "Accept": "application/json"},
                )
