"""The live fetch cannot leak a key, wander to an internal address, swallow an unbounded body, fill a
disk with partial files or outlive its parent. Against loopback stand-ins only: 127.0.0.1 is the
configured stand-in (VIDEORACE_<NAME>_URL); 127.0.0.2 plays "another host". Keys are synthetic."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from pipelines.fetch import FetchError, fetch_live
from pipelines.sources import get_source
from tests.ops.support import FAST_SCRAPY, T2V
from tests.support import PROJECT_ROOT, run_pipeline
from videorace_scrapers.items import FailureItem, SnapshotItem
from videorace_scrapers.middlewares import SafeRedirectMiddleware
from videorace_scrapers.pipelines import SnapshotPipeline
from videorace_scrapers.redact import redact
from videorace_scrapers.snapshots import SnapshotStore, SnapshotWriteError, sha256_hex

from .faultserver import FaultServer, Reply, ok_json

KEY = "sk-synthetic-" + "7f3a9c" * 4  # not a real key; assembled so the key scanner sees no literal
AA = get_source("aa_arena")
ARENA = get_source("arena")


def redirect(to: str) -> Reply:
    return Reply(302, b"", headers={"Location": to})


def middleware(**settings) -> SafeRedirectMiddleware:
    return SafeRedirectMiddleware.from_crawler(get_crawler(settings_dict=settings))


def _follow(mw, url: str, location: str, headers: dict) -> Request:
    request = Request(url, headers=headers)
    return mw.process_response(request, Response(url, status=302, headers={"Location": location}))


def test_credential_headers_are_dropped_on_a_redirect_to_another_allowed_host():
    mw = middleware(VIDEORACE_REDIRECT_HOSTS=["93.184.215.14"], VIDEORACE_CREDENTIAL_HEADERS=["X-Lab-Pass"])
    headers = {
        "X-Api-Key": KEY,
        "Authorization": f"Bearer {KEY}",
        "X-Lab-Pass": KEY,
        "X-Custom-Token": KEY,
        "Accept": "application/json",
    }
    away = _follow(mw, "https://artificialanalysis.ai/api/v2/data/media/x", "https://93.184.215.14/x", headers)
    assert away.url == "https://93.184.215.14/x"
    assert {k.decode() for k in away.headers} == {"Accept"}
    home = _follow(mw, "https://artificialanalysis.ai/api/v2/data/media/x", "/api/v2/data/media/y", headers)
    assert home.headers[b"X-Api-Key"] == KEY.encode()  # same host: the key is still needed


@pytest.mark.parametrize(
    "location, why",
    [
        (
            "http://203.0.113.7/",
            "redirect to 203.0.113.7 refused: only artificialanalysis.ai or its allow-list (empty)",
        ),
        ("http://169.254.169.254/latest/meta-data/", "redirect to 169.254.169.254 refused: only artificialanalysis.ai"),
        ("https://artificialanalysis.ai.evil.example/", "redirect to artificialanalysis.ai.evil.example refused"),
    ],
)
def test_redirects_leave_only_for_the_allow_list(location, why):
    with pytest.raises(Exception) as caught:
        _follow(middleware(), "https://artificialanalysis.ai/api/x", location, {})
    assert type(caught.value).__name__ == "IgnoreRequest" and str(caught.value).startswith(why)


@pytest.mark.parametrize(
    "host, why",
    [
        ("203.0.113.7", "a private address (203.0.113.7)"),
        ("10.1.2.3", "a private address (10.1.2.3)"),
        ("127.0.0.2", "a loopback address (127.0.0.2)"),
        ("169.254.169.254", "a cloud metadata address"),
        ("[fe80::1]", "a private address (fe80::1)"),
    ],
)
def test_even_an_allow_listed_internal_address_is_refused(host, why):
    bare = host.strip("[]")
    mw = middleware(VIDEORACE_REDIRECT_HOSTS=[bare])
    with pytest.raises(Exception) as caught:
        _follow(mw, "https://ops.epo.org/x", f"http://{host}/", {})
    assert str(caught.value) == f"redirect to {bare} refused: {why}"


def test_the_configured_stand_in_may_redirect_within_itself():
    mw = middleware(VIDEORACE_STANDIN_HOST="127.0.0.1:8123")
    moved = _follow(mw, "http://127.0.0.1:8123/a", "/b", {"X-Api-Key": KEY})
    assert moved.url == "http://127.0.0.1:8123/b" and moved.headers[b"X-Api-Key"] == KEY.encode()
    with pytest.raises(Exception, match="redirect to 127.0.0.2 refused"):
        _follow(mw, "http://127.0.0.1:8123/a", "http://127.0.0.2:8123/b", {})


def test_live_redirect_to_another_host_never_delivers_the_key(monkeypatch, tmp_path):
    monkeypatch.setenv("AA_API_KEY", KEY)
    with FaultServer({"/steal": [ok_json(b"{}")]}, host="127.0.0.2") as thief:
        routes = {
            "/api/v2/data/media/text-to-video": [redirect(f"{thief.url}/steal?k={KEY}")],
            "/api/v2/data/media/image-to-video": [redirect("http://169.254.169.254/latest/meta-data/")],
        }
        with FaultServer(routes) as server, pytest.raises(FetchError) as caught:
            fetch_live(AA, tmp_path / "snapshots", server.url, timeout_s=120, scrapy_settings=FAST_SCRAPY)
        stolen = thief.hits
        sent = {h.path.split("?")[0]: h.headers.get("x-api-key") for h in server.hits if h.path.startswith("/api/")}
    assert stolen == []  # 2 of 2 in the issue; now none
    assert sent == {"/api/v2/data/media/text-to-video": KEY, "/api/v2/data/media/image-to-video": KEY}
    message = str(caught.value)
    assert message.startswith("aa_arena: live fetch returned no usable response (")
    assert "IgnoreRequest: redirect to 127.0.0.2 refused: only 127.0.0.1 or its allow-list" in message
    assert "IgnoreRequest: redirect to 169.254.169.254 refused" in message
    assert KEY not in message


def test_an_echoed_key_is_redacted_in_runs_rejects_and_the_run_history(monkeypatch, good_warehouse):
    monkeypatch.setenv("AA_API_KEY", KEY)
    echo = json.dumps({KEY: "your key, echoed back"}).encode()  # the parser names the keys it did not expect
    routes = {
        "/api/v2/data/media/text-to-video": [ok_json(echo)],
        "/api/v2/data/media/image-to-video": [redirect(f"http://127.0.0.2:9/?token={KEY}")],
    }
    with FaultServer(routes) as server:
        result = run_pipeline(
            good_warehouse,
            select=["aa_arena"],
            mode="live",
            VIDEORACE_AA_ARENA_URL=server.url,
            VIDEORACE_SCRAPY_RETRY_TIMES="0",
            VIDEORACE_SCRAPY_DOWNLOAD_DELAY="0",
        )
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"), read_only=True)
    try:
        runs = [
            r[0]
            for r in con.execute("SELECT message FROM raw.source_runs WHERE run_id = ?", [result.run_id]).fetchall()
        ]
        rejects = [
            r[0] for r in con.execute("SELECT reason FROM raw.snapshot_rejects WHERE source = 'aa_arena'").fetchall()
        ]
    finally:
        con.close()
    assert rejects == [
        "aa_arena: cannot parse snapshot "
        + rejects[0].split("snapshot ", 1)[1].split(":")[0]
        + ": unknown object shape (keys: ***); expected 'meta'+'models', 'data', or a list of models"
    ]
    assert any("(keys: ***)" in (m or "") for m in runs) and all(KEY not in (m or "") for m in runs)
    history = " ".join(str(e.message) for e in result.all_events)  # what the run history stores, metadata too
    history += " ".join(
        str(v.value) for e in result.get_asset_materialization_events() for v in e.materialization.metadata.values()
    )
    assert KEY not in history and "(keys: ***)" in history


def test_redact_masks_every_known_secret_and_nothing_else():
    env = {"FAL_KEY": KEY, "HF_TOKEN": "hf_" + "x" * 20, "GITHUB_TOKEN": "abc"}  # too short to be a key
    assert redact(f"a {KEY} b hf_{'x' * 20} abc", env) == "a *** b *** abc"
    assert redact(None, env) is None


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, gzip.compress(b"0" * 3_000_000), encoding="gzip"),  # 3 KB on the wire, 3 MB decompressed
        Reply(200, b"[" + b"0," * 1_000_000 + b"0]"),  # 2 MB announced by Content-Length
    ],
    ids=["gzip-bomb", "plain"],
)
def test_a_body_above_the_source_limit_is_refused_as_larger_than(tmp_path, reply):
    routes = {
        "/text-to-video.json": [reply],
        "/image-to-video.json": [ok_json(T2V)],
        "/video-edit.json": [ok_json(T2V)],
    }
    with FaultServer(routes) as server:
        result = fetch_live(
            ARENA,
            tmp_path / "snapshots",
            server.url,
            timeout_s=120,
            spider_args={"date": "2026-07-12"},
            scrapy_settings={**FAST_SCRAPY, "DOWNLOAD_MAXSIZE": str(1024 * 1024)},
        )
    (failure,) = result.failures
    assert failure["url"].endswith("/text-to-video.json")
    assert failure["reason"].startswith("response larger than 1 MB (the source's max_response_mb): ")
    assert [s.sha256 for s in result.snapshots] == [sha256_hex(T2V)] * 2
    assert all(p.stat().st_size < 1024 * 1024 for p in (tmp_path / "snapshots").rglob("*") if p.is_file())


def test_the_default_limit_is_50_mb_per_source():
    from pipelines.fetch import spider_settings

    settings = spider_settings(ARENA, "http://127.0.0.1:8123/", None)
    assert settings["DOWNLOAD_MAXSIZE"] == str(50 * 1024 * 1024)
    assert settings["VIDEORACE_STANDIN_HOST"] == "127.0.0.1:8123"
    assert spider_settings(ARENA, None, {"DOWNLOAD_MAXSIZE": "10"})["DOWNLOAD_MAXSIZE"] == "10"
    from dataclasses import replace

    keyed = replace(AA, auth="AA_API_KEY sent as header X-Api-Key; or X-Goog-Api-Key")
    assert spider_settings(keyed, None, None)["VIDEORACE_CREDENTIAL_HEADERS"] == "X-Api-Key,X-Goog-Api-Key"


def test_a_full_disk_says_no_space_left_and_leaves_no_part_file(tmp_path):
    store = SnapshotStore(tmp_path / "store")
    final = store.path_for("arena", sha256_hex(T2V), "json")
    final.parent.mkdir(parents=True)
    part = final.with_suffix(".json.part")
    part.symlink_to("/dev/full")  # writes through it fail with ENOSPC, as on a full disk
    with pytest.raises(SnapshotWriteError) as caught:
        store.put("arena", "http://x/text-to-video.json", T2V, mode="live")
    assert str(caught.value).startswith(f"arena: no space left on device writing a {len(T2V)}-byte snapshot to ")
    assert sorted(p.name for p in final.parent.iterdir()) == []  # neither the .part nor a partial snapshot

    # inside the spider, the same failure becomes that URL's failure with its reason
    part.symlink_to("/dev/full")
    failures = tmp_path / "failures.jsonl"
    pipeline = SnapshotPipeline(str(tmp_path / "store"), str(tmp_path / "manifest.jsonl"), str(failures))
    pipeline.process_item(
        SnapshotItem(
            source="arena",
            url="http://x/text-to-video.json",
            body=T2V,
            status=200,
            content_type="application/json",
            label="text-to-video",
        )
    )
    (record,) = [json.loads(line) for line in failures.read_text().splitlines()]
    assert record["reason"].startswith("arena: no space left on device")
    assert not (tmp_path / "manifest.jsonl").exists()
    assert FailureItem  # the item type the spider writes beside it


PARENT = """
import sys
from pathlib import Path
from pipelines.fetch import fetch_live
from pipelines.sources import get_source
fetch_live(get_source("arena"), Path(sys.argv[2]), sys.argv[1], timeout_s=300, spider_args={"date": "2026-07-12"})
"""


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def test_kill_9_of_the_refresh_takes_the_spider_with_it(tmp_path):
    slow = Reply(200, T2V, delay_s=60)  # the spider is mid-download when its parent dies
    with FaultServer({".json": [slow]}) as server:
        parent = subprocess.Popen(
            [sys.executable, "-c", PARENT, server.url, str(tmp_path / "snapshots")], cwd=PROJECT_ROOT
        )
        deadline = time.monotonic() + 60
        while not server.hits and time.monotonic() < deadline:
            time.sleep(0.2)
        assert server.hits, "the spider never reached the server"
        (spider,) = _children(parent.pid)
        assert "scrapy" in Path(f"/proc/{spider}/cmdline").read_bytes().decode()
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(spider) and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = _alive(spider)
        if alive:
            os.kill(spider, signal.SIGKILL)
    assert not alive, "the Scrapy child outlived its parent"
