"""The same faults for one source of every fetched family (the arena family has its own, fuller
suite in test_fault_injection.py): each spider really crawls a loopback stand-in that answers 503
forever, too slowly, with a challenge page under status 200, or with a body cut short, and each
outcome is a counted failure or a refused snapshot naming the source, never a hang or a load."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.fetch import FetchError, fetch_live
from pipelines.loading import load_source
from pipelines.sources import SOURCES
from pipelines.warehouse import ensure_base_tables
from tests.ops.support import FAST_SCRAPY
from tests.support import RECORDINGS
from videorace_scrapers.parsers import ParseError

from .faultserver import CHALLENGE_PAGE, FaultServer, Reply, too_many

# one source per family, with spider arguments that keep each crawl to a request or two
FAMILIES = {
    "fred": {},  # fx
    "stock_csv": {"tickers": "U", "repositories": "Stell0/financealerts2"},  # stocks (one file)
    "openrouter": {},  # releases
    "runway_pricing": {},  # pricing
    "hf_models": {"tags": "text-to-video", "max_pages": "1"},  # openness
    "aa_arena": {},  # leaderboards (second arena)
}
NOT_FOUND = Reply(404, b"not found", content_type="text/plain")


BAD_BODIES = {  # a 200 whose body is no data: (reply, what the refusal says)
    "challenge-200": (Reply(200, CHALLENGE_PAGE, content_type="text/html"), "challenge"),
    "truncated-json-200": (Reply(200, b'{"data": [{"id": "x", "created": 17', content_type="application/json"), ""),
}
RECORDED = {"fred": "fred/FRED_DEXCHUS_2025-01-01_to_2026-09-18.csv", "stock_csv": "stock_csv/U.csv"}


def crawl(name: str, replies: list[Reply], tmp_path, **settings):
    with FaultServer({"/robots.txt": [NOT_FOUND], "": replies}) as server:
        try:
            return fetch_live(
                SOURCES[name],
                tmp_path / "snapshots",
                server.url,
                timeout_s=120,
                spider_args=FAMILIES[name],
                scrapy_settings={**FAST_SCRAPY, **settings},
            ), server
        except FetchError as exc:
            return exc, server


def crawl_for(test: str, params: dict, tmp_path):
    """What each test below crawls (run side by side by the `crawl_pool` fixture, tests/ops/conftest.py)."""
    name = params["name"]
    if test == "test_503_forever_is_a_counted_failure_naming_the_source":
        return lambda: crawl(name, [Reply(503, b"unavailable", content_type="text/plain")], tmp_path)
    if test == "test_a_response_slower_than_the_timeout_is_counted":
        return lambda: crawl(name, [Reply(200, b"{}", delay_s=3)], tmp_path, DOWNLOAD_TIMEOUT="1", RETRY_TIMES="0")
    if test == "test_a_bad_200_body_is_snapshotted_then_refused_naming_source_and_snapshot":
        return lambda: crawl(name, [BAD_BODIES[params["body"]][0]], tmp_path, RETRY_TIMES="0")
    if test == "test_429_with_retry_after_then_the_recorded_body_arrives":
        body = (RECORDINGS / RECORDED[name]).read_bytes()
        return lambda: (body, *crawl(name, [too_many(1), Reply(200, body, content_type="text/csv")], tmp_path))
    raise AssertionError(f"no crawl for {test}")


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_503_forever_is_a_counted_failure_naming_the_source(name, crawled):
    outcome, server = crawled
    assert isinstance(outcome, FetchError), outcome
    assert name in str(outcome) and "HTTP 503" in str(outcome)
    attempts = [h for h in server.hits if not h.path.endswith("/robots.txt")]
    assert len(attempts) >= 3  # the first try and RETRY_TIMES=2 retries of at least one request


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_response_slower_than_the_timeout_is_counted(name, crawled):
    outcome, _ = crawled
    assert isinstance(outcome, FetchError), outcome
    assert name in str(outcome) and "took longer than 1.0 seconds" in str(outcome)


@pytest.mark.parametrize("name", sorted(FAMILIES))
@pytest.mark.parametrize("body", sorted(BAD_BODIES))
def test_a_bad_200_body_is_snapshotted_then_refused_naming_source_and_snapshot(name, body, crawled, tmp_path):
    reason = BAD_BODIES[body][1]
    outcome, _ = crawled
    assert not isinstance(outcome, FetchError), outcome  # the bytes are kept as evidence
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        ensure_base_tables(con)
        with pytest.raises(ParseError) as err:
            load_source(
                con,
                name,
                SOURCES[name].raw_table,
                outcome.snapshots,
                lambda snap: {"ticker": snap.label} if name == "stock_csv" else {},
            )
        assert name in str(err.value) and "snapshot" in str(err.value) and reason in str(err.value)
        assert con.execute(f"SELECT count(*) FROM raw.{SOURCES[name].raw_table}").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM raw.snapshot_rejects WHERE source = ?", [name]).fetchall()[0][0] >= 1
    finally:
        con.close()


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_429_with_retry_after_then_the_recorded_body_arrives(name, crawled):
    body, outcome, server = crawled
    assert not isinstance(outcome, FetchError), outcome
    assert [s.bytes for s in outcome.snapshots] == [len(body)]
    attempts = [h.at for h in server.hits if not h.path.endswith("/robots.txt")]
    assert attempts[1] - attempts[0] >= 1.0  # waited at least Retry-After
