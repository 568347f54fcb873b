"""The EPO OPS spider: without keys it requests nothing and says plainly that patents were skipped;
with keys (against a loopback stand-in for ops.epo.org) it authenticates, sends one CQL search per
scope x country x year with the bearer token, and every snapshot's label names its query."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from tests.loopback import LoopbackServer
from tests.support import PROJECT_ROOT
from videorace_scrapers.parsers import epo_ops
from videorace_scrapers.spiders.patents_epo_ops import COUNTRIES, CPC_SCOPES, SKIPPED

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False"]


def crawl(tmp: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "patents_epo_ops",
        "-s",
        f"VIDEORACE_SNAPSHOT_DIR={tmp / 'snapshots'}",
        "-s",
        f"VIDEORACE_MANIFEST={tmp / 'manifest.jsonl'}",
        "-s",
        f"VIDEORACE_FAILURES={tmp / 'failures.jsonl'}",
        *FAST,
        *args,
    ]
    return subprocess.run(command, cwd=PROJECT_ROOT / "scrapers", env=env, capture_output=True, text=True, timeout=120)


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_without_credentials_patents_are_skipped_plainly(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("EPO_OPS_KEY", "EPO_OPS_SECRET")}
    proc = crawl(tmp_path, env, "-a", "base_url=http://127.0.0.1:9")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert SKIPPED == "patents skipped: EPO_OPS_KEY/EPO_OPS_SECRET not set"
    assert SKIPPED in proc.stderr
    assert lines(tmp_path / "failures.jsonl") == [
        {"source": "epo_ops", "url": "http://127.0.0.1:9/3.2/auth/accesstoken", "reason": SKIPPED}
    ]
    assert lines(tmp_path / "manifest.jsonl") == []
    assert "downloader/request_count" not in proc.stderr  # nothing was requested at all


class FakeOps(BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str]] = []

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode()
        FakeOps.seen.append(("POST", self.path, self.headers.get("Authorization", "")))
        assert body == "grant_type=client_credentials"
        self._reply(200, json.dumps({"access_token": "loopback-token", "expires_in": "1199"}), "application/json")

    def do_GET(self):
        FakeOps.seen.append(("GET", self.path, self.headers.get("Authorization", "")))
        query = parse_qs(urlparse(self.path).query)["q"][0]
        count = len(query)  # any deterministic number
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?><ops:world-patent-data xmlns:ops="http://ops.epo.org">'
            f'<ops:biblio-search total-result-count="{count}"><ops:query syntax="CQL">{query}</ops:query>'
            '<ops:range begin="1" end="25"/><ops:search-result/></ops:biblio-search></ops:world-patent-data>'
        )
        self._reply(200, xml, "application/xml")

    def _reply(self, status: int, text: str, ctype: str) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_with_credentials_one_labelled_search_per_scope_country_and_year(tmp_path):
    FakeOps.seen = []
    with LoopbackServer(FakeOps) as server:
        env = {**os.environ, "EPO_OPS_KEY": "k", "EPO_OPS_SECRET": "s"}
        proc = crawl(tmp_path, env, "-a", f"base_url={server.url}", "-a", "first_year=2024", "-a", "last_year=2024")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert FakeOps.seen[0] == ("POST", "/3.2/auth/accesstoken", "Basic azpz")  # base64("k:s")
    searches = [s for s in FakeOps.seen if s[0] == "GET"]
    assert len(searches) == len(CPC_SCOPES) * len(COUNTRIES) == 18
    assert {auth for _, _, auth in searches} == {"Bearer loopback-token"}
    manifest = lines(tmp_path / "manifest.jsonl")
    assert lines(tmp_path / "failures.jsonl") == []
    records = [
        epo_ops.parse(
            Path(m["path"]).read_bytes() if Path(m["path"]).is_absolute() else (PROJECT_ROOT / m["path"]).read_bytes(),
            label=m["label"],
        )[0]
        for m in manifest
    ]
    keys = {(r["query_scope"], r["publication_country"], r["publication_year"]) for r in records}
    assert keys == {(s, c, 2024) for s in CPC_SCOPES for c in COUNTRIES}
    g06n_wo = next(r for r in records if r["query_scope"] == "G06N3/0475" and r["publication_country"] == "WO")
    assert g06n_wo["total_result_count"] == len('cpc="G06N3/0475" and pn=WO and pd within "20240101,20241231"')
    assert "loopback-token" not in "".join(
        Path(m["path"]).read_text() for m in manifest if Path(m["path"]).is_absolute()
    )
