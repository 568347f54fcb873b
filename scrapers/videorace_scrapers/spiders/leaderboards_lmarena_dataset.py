"""The official arena.ai leaderboard dataset (video subsets) through its daily JSON mirror:
<base>/data/lmarena/<date>/<subset>.json. The mirror commits once a day at an hour of its own, so
a run asks for the last `days` days (default 2: today and yesterday, UTC); today not written yet
(404) is not a failure, an earlier day missing is (reported with its URL). `-a date=YYYY-MM-DD` names the last day. Override the base with
VIDEORACE_LMARENA_DATASET_URL; the default is the registry's live URL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from scrapy.spidermiddlewares.httperror import HttpError

from ..registry import boards
from .base import SnapshotSpider

SUBSETS = tuple(boards("lmarena_dataset", fetched=True))  # warehouse/seeds/source_boards.csv


class LmarenaDatasetSpider(SnapshotSpider):
    source = "lmarena_dataset"

    def __init__(self, date: str | None = None, days: str = "2", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_day = _day(date) if date else datetime.now(UTC).date()
        self.days = max(1, int(days))

    async def start(self):
        for offset in range(self.days):
            day = (self.last_day - timedelta(days=offset)).isoformat()
            for subset in SUBSETS:
                request = self.request(f"{self.base_url}/data/lmarena/{day}/{subset}.json", label=subset)
                yield request.replace(errback=self.not_written_yet_ok) if offset == 0 else request

    def not_written_yet_ok(self, failure):
        if failure.check(HttpError) and failure.value.response.status == 404:
            self.logger.info("lmarena_dataset: %s is not written (yet)", failure.request.url)
            return
        yield from self.failed(failure)


def _day(text: str) -> date:
    return date.fromisoformat(text)
