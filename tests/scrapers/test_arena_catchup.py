"""A scheduled arena run catches up: reproduced against a loopback stand-in of the mirror that serves
real recorded days ending 2026-08-22 (months before today) and the mirror's real data/latest.json."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime

import duckdb
import pytest

from pipelines.catchup import catch_up_spider_args, newest_stored_day
from pipelines.config import load_settings
from pipelines.fetch import FetchError, fetch_live
from pipelines.loading import load_source
from pipelines.resources import SourceFetcher
from pipelines.snapshot_ledger import register_snapshots
from pipelines.sources import get_source
from tests.loopback import LoopbackServer, QuietHandler
from tests.support import RECORDINGS
from videorace_scrapers.spiders.leaderboards_arena import catch_up_days

ARENA = RECORDINGS / "arena"
SOURCE = get_source("arena")
FAST = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "RETRY_TIMES": "0",
    "DOWNLOAD_TIMEOUT": "10",
    "LOG_LEVEL": "WARNING",
    "ROBOTSTXT_OBEY": "False",
}


class Mirror(LoopbackServer):
    """/data/latest.json and /data/<day>/<board>.json for the recorded days up to 2026-08-22; 404 else."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        server = self

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.hits.append(self.path)
                rel = self.path.removeprefix("/data/")
                path = ARENA / rel
                ok = (
                    self.path.startswith("/data/")
                    and ".." not in rel
                    and path.is_file()
                    and (rel == "latest.json" or rel[:10] <= "2026-08-22")
                )
                body = path.read_bytes() if ok else b"404: Not Found"
                self.send_response(200 if ok else 404)
                self.send_header("Content-Type", "application/json" if ok else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        super().__init__(Handler)

    def boards_asked(self) -> list[str]:
        return sorted(p for p in self.hits if p.endswith(".json") and p != "/data/latest.json")


def crawl(server: Mirror, tmp_path, **args: str):
    return fetch_live(
        SOURCE, tmp_path / "snapshots", server.url, timeout_s=120, spider_args=args or None, scrapy_settings=FAST
    )


def test_reproduced_asking_for_today_only_fetches_nothing(tmp_path):
    today = datetime.now(UTC).date().isoformat()
    with Mirror() as server, pytest.raises(FetchError, match="live fetch returned no usable response.*HTTP 404"):
        crawl(server, tmp_path, date=today)  # what the spider did before reading latest.json
    assert server.boards_asked() == [
        f"/data/{today}/{b}.json" for b in ("image-to-video", "text-to-video", "video-edit")
    ]


def test_catch_up_fetches_every_day_from_the_newest_stored_up_to_latest(tmp_path):
    with Mirror() as server:
        result = crawl(server, tmp_path, since="2026-07-26", max_days="60")
    # 28 days asked (07-26 .. 08-22, three boards each); the mirror has two of them: gaps are not failures
    assert len(server.boards_asked()) == 28 * 3
    assert sorted((s.url.rsplit("/", 2)[-2], s.label) for s in result.snapshots) == [
        (d, b) for d in ("2026-07-26", "2026-08-22") for b in ("image-to-video", "text-to-video", "video-edit")
    ]
    assert result.failures == []
    recorded = {r.sha256 for r in _recorded()}
    assert {s.sha256 for s in result.snapshots} <= recorded  # the very bytes of the recordings


def test_catch_up_is_bounded_and_a_missing_latest_day_is_a_failure(tmp_path):
    with Mirror() as server:
        result = crawl(server, tmp_path, since="2026-03-19", max_days="5")
    assert server.boards_asked()[0] == "/data/2026-08-18/image-to-video.json"  # the newest 5 days only
    assert sorted({s.url.rsplit("/", 2)[-2] for s in result.snapshots}) == ["2026-08-22"]
    assert catch_up_days(date(2026, 8, 22), date(2026, 3, 19), 5)[0] == date(2026, 8, 18)
    assert catch_up_days(date(2026, 8, 22), None, 60) == [date(2026, 8, 22)]
    assert catch_up_days(date(2026, 8, 22), date(2026, 9, 1), 60) == [date(2026, 8, 22)]


def test_nothing_new_is_unchanged(replay_warehouse, tmp_path):
    target = tmp_path / "videorace.duckdb"
    shutil.copyfile(replay_warehouse / "videorace.duckdb", target)
    con = duckdb.connect(str(target))
    try:
        assert newest_stored_day(con, "arena") == "2026-10-10"  # the replayed recordings
        with Mirror() as server:
            first = crawl(server, tmp_path, since="2026-08-22")
        register_snapshots(con, first.snapshots)
        report = load_source(con, "arena", SOURCE.raw_table, first.snapshots)
        # the mirror's newest day is already loaded (same bytes as the recording): nothing new
        assert (report.status, report.snapshots_new, report.rows_loaded) == ("unchanged", 0, 0)
    finally:
        con.close()


def test_the_pipeline_passes_the_newest_stored_day_and_the_configured_bound(tmp_path, monkeypatch):
    assert load_settings({"VIDEORACE_CATCHUP_MAX_DAYS": "7"}).catchup_max_days == 7
    assert load_settings({}).catchup_max_days == 60
    with pytest.raises(ValueError, match="VIDEORACE_CATCHUP_MAX_DAYS"):
        load_settings({"VIDEORACE_CATCHUP_MAX_DAYS": "0"})
    assert catch_up_spider_args("arena", "2026-08-01", 7) == {"since": "2026-08-01", "max_days": "7"}
    assert catch_up_spider_args("fred", "2026-08-01", 7) == {}
    with Mirror() as server:
        fetcher = SourceFetcher(
            mode="live",
            snapshot_dir=str(tmp_path / "s"),
            recordings_dir=str(RECORDINGS),
            url_overrides={"arena": server.url},
            scrapy_settings=FAST,
            catchup_max_days=7,
        )
        result = fetcher.fetch("arena", newest_day="2026-08-01")
    assert server.boards_asked()[0] == "/data/2026-08-16/image-to-video.json"
    assert len(result.snapshots) == 3


def _recorded():
    from videorace_scrapers.snapshots import recorded_snapshots

    return recorded_snapshots(RECORDINGS, "arena")
