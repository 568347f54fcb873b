"""arena.ai video boards from the community daily mirror (one JSON file per board per day).

Live, scheduled (the default): read the mirror's `data/latest.json` (its pointer to the newest day
it has) and fetch every day from `since` (the newest day already stored, passed by the pipeline)
up to that latest day, at most `max_days` days (default 60). Asking for today's folder instead
fails with 404 whenever the run comes before the mirror's daily commit or after missed days. The
newest stored day is fetched again on purpose: identical bytes make the run "unchanged", a
re-run of that day by the mirror is a new snapshot. Days before the latest that the mirror lacks
(it skips some, e.g. 2026-06-08) are not failures; the latest day itself must answer.

Manual backfill: `-a date=YYYY-MM-DD` (and `-a days=N`, the N days up to it) skips latest.json.
Override the base with VIDEORACE_ARENA_URL.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from ..items import FailureItem
from ..registry import boards
from .base import SnapshotSpider

BOARDS = tuple(boards("arena", fetched=True))  # warehouse/seeds/source_boards.csv
DEFAULT_MAX_DAYS = 60


def catch_up_days(latest: date, since: date | None, max_days: int) -> list[date]:
    """The days to fetch, oldest first: `since` (or `latest` when nothing is stored) through
    `latest`, never more than `max_days` of them (the newest ones)."""
    first = min(since, latest) if since else latest
    first = max(first, latest - timedelta(days=max(1, max_days) - 1))
    return [first + timedelta(days=n) for n in range((latest - first).days + 1)]


class ArenaSpider(SnapshotSpider):
    source = "arena"

    def __init__(
        self,
        date: str | None = None,
        days: str = "1",
        since: str | None = None,
        max_days: str | int = DEFAULT_MAX_DAYS,
        *args,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.last_day = _parse_day(date) if date else None
        self.days = max(1, int(days))
        self.since = _parse_day(since) if since else None
        self.max_days = max(1, int(max_days))

    async def start(self):
        if self.last_day is not None:  # explicit backfill
            for offset in range(self.days):
                for request in self._day(self.last_day - timedelta(days=offset), required=True):
                    yield request
            return
        yield self.request_pointer()

    def request_pointer(self):
        # not self.request(): the pointer is not a board, so it is read here and never snapshotted
        return scrapy.Request(
            f"{self.base_url}/data/latest.json", callback=self.on_latest, errback=self.failed, dont_filter=True
        )

    def on_latest(self, response):
        try:
            pointer = json.loads(response.body)
            latest = _parse_day(str(pointer["date"]))
            folder = str(pointer.get("path") or pointer["date"])
        except (ValueError, KeyError, TypeError) as exc:
            yield FailureItem(
                source=self.source,
                url=response.url,
                reason=f"data/latest.json is not the mirror's pointer ({type(exc).__name__}: {exc})"[:300],
            )
            return
        days = catch_up_days(latest, self.since, self.max_days)
        if self.since and (latest - self.since).days + 1 > self.max_days:
            self.logger.warning(
                "arena: %s days behind the mirror's latest %s; fetching the newest %s only",
                (latest - self.since).days,
                latest,
                self.max_days,
            )
        for day in days:
            # the latest day's folder comes from the pointer itself; earlier folders are named by date
            yield from self._day(day, required=day == latest, folder=folder if day == latest else None)

    def _day(self, day: date, *, required: bool, folder: str | None = None):
        for board in BOARDS:
            request = self.request(f"{self.base_url}/data/{folder or day.isoformat()}/{board}.json", label=board)
            if not required:
                request = request.replace(errback=self.missing_day_ok)
            yield request

    def missing_day_ok(self, failure):
        """A day before the latest that the mirror never wrote (404) is a gap, not a failure."""
        if failure.check(HttpError) and failure.value.response.status == 404:
            self.logger.info("arena: the mirror has no %s (a skipped day)", failure.request.url)
            return
        yield from self.failed(failure)


def _parse_day(text: str) -> date:
    return date.fromisoformat(text)
