"""arena.ai video boards from the community daily mirror (one JSON file per board per day).

Live: <base>/data/<date>/<board>.json for today (UTC) by default; `-a date=YYYY-MM-DD` or
`-a days=N` (the last N days) for a backfill. Override the base with VIDEORACE_ARENA_URL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from .base import SnapshotSpider

BOARDS = ("text-to-video", "image-to-video", "video-edit")


class ArenaSpider(SnapshotSpider):
    name = "leaderboards_arena"
    source = "arena"
    default_base_url = "https://raw.githubusercontent.com/oolong-tea-2026/arena-ai-leaderboards/main"

    def __init__(self, date: str | None = None, days: str = "1", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_day = _parse_day(date) if date else datetime.now(UTC).date()
        self.days = max(1, int(days))

    async def start(self):
        for offset in range(self.days):
            day = (self.last_day - timedelta(days=offset)).isoformat()
            for board in BOARDS:
                yield self.request(f"{self.base_url}/data/{day}/{board}.json", label=board)


def _parse_day(text: str) -> date:
    return date.fromisoformat(text)
