"""The live arena fetch against a loopback server that misbehaves: rate limits with Retry-After,
5xx, timeouts, connection resets, truncated bodies and challenge pages. Each fault is retried a
little, then counted as a failure with its reason; nothing bad is loaded; good rows stay."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.fetch import FetchError, fetch_live
from pipelines.loading import load_source
from pipelines.snapshot_ledger import register_snapshots
from pipelines.sources import get_source
from pipelines.warehouse import ensure_base_tables
from tests.ops.support import FAST_SCRAPY, I2V, T2V
from tests.support import table_counts
from videorace_scrapers.parsers import ParseError
from videorace_scrapers.snapshots import sha256_hex

from .faultserver import CHALLENGE_PAGE, FaultServer, Reply, ok_json, too_many

ARENA = get_source("arena")


def fetch(server: FaultServer, tmp_path, **settings):
    return fetch_live(
        ARENA,
        tmp_path / "snapshots",
        server.url,
        timeout_s=120,
        spider_args={"date": "2026-07-12"},
        scrapy_settings={**FAST_SCRAPY, **settings},
    )


def crawled_with(routes: dict, tmp_path, **settings):
    """One crawl against its own stand-in: (the result or the FetchError, the requests it sent,
    the folder its snapshots went to)."""
    with FaultServer(routes) as server:
        try:
            return fetch(server, tmp_path, **settings), server.hits, tmp_path
        except FetchError as exc:
            return exc, server.hits, tmp_path


BAD_BODIES = {
    "truncated-json": (Reply(200, T2V[:700]), "invalid JSON"),  # the server itself sent a cut-off file
    "challenge-200": (Reply(200, CHALLENGE_PAGE, content_type="text/html; charset=utf-8"), "challenge or block page"),
}
# what each test below crawls: run side by side by the `crawl_pool` fixture (tests/ops/conftest.py)
CRAWLS = {
    "test_429_burst_waits_at_least_retry_after_then_stores_the_snapshot": lambda _: (
        {
            "/text-to-video.json": [too_many(1), too_many(2), ok_json(T2V)],
            "/image-to-video.json": [ok_json(I2V)],
            "/video-edit.json": [ok_json(T2V)],
        },
        {},
    ),
    "test_503_forever_is_one_failure_with_its_reason_and_the_run_finishes": lambda _: (
        {
            "/text-to-video.json": [Reply(503, b"busy")],
            "/image-to-video.json": [ok_json(I2V)],
            "/video-edit.json": [ok_json(T2V)],
        },
        {},
    ),
    "test_every_request_failing_is_a_fetch_error_naming_source_and_reason": lambda _: (
        {".json": [Reply(503, b"busy")]},
        {"RETRY_TIMES": "0"},
    ),
    "test_a_response_slower_than_the_timeout_is_retried_then_counted_as_a_timeout": lambda _: (
        {
            "/text-to-video.json": [Reply(200, T2V, delay_s=3)],
            "/image-to-video.json": [ok_json(I2V)],
            "/video-edit.json": [ok_json(T2V)],
        },
        {"DOWNLOAD_TIMEOUT": "1"},
    ),
    "test_connection_reset_is_retried_and_a_permanent_reset_is_reported": lambda _: (
        {
            "/text-to-video.json": [Reply(reset=True), ok_json(T2V)],  # one reset, then fine
            "/image-to-video.json": [Reply(reset=True)],  # reset on every attempt
            "/video-edit.json": [Reply(200, T2V, truncate_to=300)],  # Content-Length says more than arrives
        },
        {},
    ),
    "test_bad_200_body_is_snapshotted_but_refused_and_good_rows_stay": lambda params: (
        {"/text-to-video.json": [BAD_BODIES[params["body"]][0]], "/image-to-video.json": [ok_json(I2V)]},
        {},
    ),
}


def crawl_for(test: str, params: dict, tmp_path):
    routes, settings = CRAWLS[test](params)
    return lambda: crawled_with(routes, tmp_path, **settings)


def by_board(result) -> dict[str, str]:
    return {s.url.rsplit("/", 1)[-1]: s.sha256 for s in result.snapshots}


def test_429_burst_waits_at_least_retry_after_then_stores_the_snapshot(crawled):
    result, all_hits, folder = crawled
    hits = [h for h in all_hits if h.path.endswith("/text-to-video.json")]
    assert [h.path for h in hits] == ["/data/2026-07-12/text-to-video.json"] * 3  # the date argument reached the spider
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:], strict=False)]
    assert gaps[0] >= 1.0 and gaps[1] >= 2.0, gaps  # each wait honoured its Retry-After (1 s, then 2 s)
    assert by_board(result)["text-to-video.json"] == sha256_hex(T2V)
    assert result.failures == []
    stored = folder / "snapshots" / "arena" / f"{sha256_hex(T2V)}.json"
    assert stored.read_bytes() == T2V


def test_503_forever_is_one_failure_with_its_reason_and_the_run_finishes(crawled):
    result, hits, _ = crawled
    attempts = len([h for h in hits if h.path.endswith("/text-to-video.json")])
    assert attempts == 3  # first try + RETRY_TIMES=2
    assert [(f["url"].rsplit("/", 1)[-1], f["reason"]) for f in result.failures] == [("text-to-video.json", "HTTP 503")]
    assert set(by_board(result)) == {"image-to-video.json", "video-edit.json"}


def test_every_request_failing_is_a_fetch_error_naming_source_and_reason(crawled):
    error, _, _ = crawled
    assert isinstance(error, FetchError), error
    message = str(error)
    assert message.startswith("arena: live fetch returned no usable response")
    assert message.count("HTTP 503") == 3 and "/data/2026-07-12/video-edit.json" in message


def test_a_response_slower_than_the_timeout_is_retried_then_counted_as_a_timeout(crawled):
    result, hits, _ = crawled
    attempts = len([h for h in hits if h.path.endswith("/text-to-video.json")])
    assert attempts == 3
    (failure,) = result.failures
    assert failure["url"].endswith("/text-to-video.json")
    assert failure["reason"].startswith("DownloadTimeoutError") and "longer than 1.0 seconds" in failure["reason"]
    assert len(result.snapshots) == 2


def test_connection_reset_is_retried_and_a_permanent_reset_is_reported(crawled):
    result, _, _ = crawled
    assert by_board(result) == {"text-to-video.json": sha256_hex(T2V)}
    reasons = {f["url"].rsplit("/", 1)[-1]: f["reason"] for f in result.failures}
    assert set(reasons) == {"image-to-video.json", "video-edit.json"}
    assert "Connection" in reasons["image-to-video.json"] or "ResponseNeverReceived" in reasons["image-to-video.json"]
    assert "ResponseFailed" in reasons["video-edit.json"] or "DataLoss" in reasons["video-edit.json"], reasons


@pytest.mark.parametrize("body", list(BAD_BODIES))
def test_bad_200_body_is_snapshotted_but_refused_and_good_rows_stay(body, crawled, good_warehouse):
    reply, reason = BAD_BODIES[body]
    before = table_counts(good_warehouse / "videorace.duckdb")
    result, _, _ = crawled
    bad = next(s for s in result.snapshots if s.url.endswith("/text-to-video.json"))
    assert bad.sha256 == sha256_hex(reply.body)  # kept whole, as evidence
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"))
    try:
        ensure_base_tables(con)
        register_snapshots(con, result.snapshots)
        with pytest.raises(ParseError) as caught:
            load_source(con, "arena", ARENA.raw_table, result.snapshots)
        rejects = con.execute("SELECT sha256, source, reason FROM raw.snapshot_rejects").fetchall()
        # the next load skips the refused snapshot and loads nothing new (I2V is already in)
        again = load_source(con, "arena", ARENA.raw_table, result.snapshots)
    finally:
        con.close()
    message = str(caught.value)
    assert message.startswith("arena: cannot parse snapshot ") and bad.sha256[:12] in message and reason in message
    assert rejects == [(bad.sha256, "arena", message)]
    assert (again.rows_loaded, again.skipped) == (0, [f"{bad.path}: refused before (raw.snapshot_rejects)"])
    assert table_counts(good_warehouse / "videorace.duckdb") == before
