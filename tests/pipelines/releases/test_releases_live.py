"""Releases and openness spiders crawling a loopback server (127.0.0.1 only), and what they fetch
going through the parsers, raw tables and SQL models into a temporary DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipelines.curated import load_curated
from pipelines.fetch import fetch_live
from pipelines.loading import load_source
from pipelines.sources import get_source
from pipelines.warehouse import build_model, ensure_table
from tests.loopback import LoopbackServer, QuietHandler
from tests.support import PROJECT_ROOT, reference_path
from videorace_scrapers.spiders.releases_github_releases import next_link

SYNTHETIC = PROJECT_ROOT / "tests" / "fixtures" / "synthetic"
RAW_TABLES = {
    "github_readme": "raw_releases__github_readme",
    "github_releases": "raw_releases__github_releases",
    "openrouter": "raw_releases__openrouter",
    "hf_models": "raw_openness__hf_models",
}


class Loopback(LoopbackServer):
    """Answers GET <path?query> from a dict: path -> (status, body, headers); anything else is 404."""

    def __init__(self, routes: dict[str, tuple[int, bytes, dict[str, str]]]) -> None:
        self.routes, self.hits = routes, []
        server = self

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.hits.append(self.path)
                status, body, headers = server.routes.get(self.path, (404, b"not found", {}))
                self.send_response(status)
                for key, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(key, value.replace("{base}", server.base))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        super().__init__(Handler)

    @property
    def base(self) -> str:
        return self.url


def scratch_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    """The curated seeds and dimensions the release models read, in a fresh DuckDB file."""
    con = duckdb.connect(str(path))
    for name in (
        "labs",
        "labs_supplement",
        "releases",
        "release_repos",
        "model_families",
        "git_facts",
        "release_candidates",
    ):
        load_curated(con, name)
        build_model(con, "stg", f"stg_curated__{name}")  # the int models read the seeds typed, never raw
    for table in (*RAW_TABLES.values(), "raw_openness__hf_trending"):
        ensure_table(con, "raw", table)
    for layer, name in (
        ("int", "int_labs"),
        ("marts", "dim_labs"),
        ("int", "int_lab_aliases"),
        ("int", "int_model_families"),
    ):
        build_model(con, layer, name)
    return con


def build_release_models(con: duckdb.DuckDBPyConnection) -> None:
    for layer, name in (
        ("stg", "stg_github_readme__lines"),
        ("stg", "stg_github_releases__releases"),
        ("stg", "stg_openrouter__video_models"),
        ("stg", "stg_hf_models__models"),
        ("stg", "stg_hf_trending__models"),
        ("int", "int_release_lab_names"),
        ("int", "int_release_events"),
        ("marts", "fct_releases"),
        ("int", "int_open_models"),
        ("int", "int_hf_trending"),
        ("marts", "fct_open_model_stats"),
        ("out", "out_open_downloads_by_country"),
    ):
        build_model(con, layer, name)


def crawl_and_load(con, source: str, base: str, tmp: Path, **spider_args: str):
    result = fetch_live(get_source(source), tmp / "snapshots", base, timeout_s=120, spider_args=spider_args or None)
    report = load_source(
        con,
        source,
        RAW_TABLES[source],
        result.snapshots,
        lambda snap: {"repo": snap.label or None} if source.startswith("github") else {},
    )
    return result, report


def test_next_link_reads_github_and_hub_headers():
    samples = json.loads(reference_path("samples", "github", "pagination_link_headers.json").read_text())
    assert next_link(samples[0]["Link"]) == "https://api.github.com/repositories/515435940/issues?per_page=3&page=2"
    assert next_link(samples[-1]["Link"]) is None  # the last page has prev/first only
    assert (
        next_link(b'<https://huggingface.co/api/models?cursor=abc>; rel="next"')
        == "https://huggingface.co/api/models?cursor=abc"
    )


def test_readme_crawled_live_becomes_dated_release_events(tmp_path):
    readme = reference_path("github_readme", "Wan-Video+Wan2.2.README.md").read_bytes()
    with Loopback({"/Wan-Video/Wan2.2/HEAD/README.md": (200, readme, {"Content-Type": "text/plain"})}) as server:
        con = scratch_warehouse(tmp_path / "w.duckdb")
        result, report = crawl_and_load(con, "github_readme", server.base, tmp_path, repos="Wan-Video/Wan2.2")
    assert [s.label for s in result.snapshots] == ["Wan-Video/Wan2.2"] and report.rows_loaded == 8
    build_release_models(con)
    rows = con.execute("""SELECT release_type, release_date, date_precision, is_preferred, evidence_line_no,
                                 evidence_text, lab_id, country_code
                          FROM marts.fct_releases WHERE source = 'github_readme' ORDER BY evidence_line_no""").fetchall()
    assert len(rows) == 8 and {r[6] for r in rows} == {"alibaba"} and {r[7] for r in rows} == {"CN"}
    weights = [r for r in rows if "released the inference code and model weights" in r[5]]
    assert len(weights) == 1
    kind, day, precision, preferred, line_no, text, _, _ = weights[0]
    assert (kind, str(day), precision) == ("open_weights", "2025-07-28", "day")
    assert preferred is False  # the curated Wan 2.2 row (releases.csv) stays the preferred one
    assert text.startswith("Jul 28, 2025:") and line_no > 0
    readme_lines = readme.decode("utf-8").splitlines()
    assert "Jul 28, 2025" in readme_lines[line_no - 1]  # the evidence points at the README's own line
    both = con.execute("""SELECT source, release_date_text, is_preferred, dates_by_source FROM marts.fct_releases
                          WHERE release_key = 'alibaba|wan 2.2|open_weights' ORDER BY source""").fetchall()
    assert both[0][:3] == ("curated", "2025-07-28", True)
    assert all(not r[2] for r in both[1:]) and "2025-07-28 (curated)" in both[0][3]
    con.close()


def test_openrouter_api_date_conflicts_side_by_side_with_curated(tmp_path):
    body = reference_path("samples", "openrouter", "openrouter_models_all_video_subset_2026-08-19.json").read_bytes()
    with Loopback({"/api/v1/models?output_modalities=all": (200, body, {})}) as server:
        con = scratch_warehouse(tmp_path / "w.duckdb")
        crawl_and_load(con, "openrouter", server.base, tmp_path)
    build_release_models(con)
    rows = con.execute("""SELECT source, source_record_id, release_date_text, is_preferred, has_date_conflict
                          FROM marts.fct_releases WHERE release_key = 'bytedance|seedance 2.0|api'
                          ORDER BY is_preferred DESC, source_record_id""").fetchall()
    # releases.csv row 14: Volcengine enterprise API 2026-04-02; OpenRouter lists seedance-2.0 at created 1776211362 = 2026-04-15 UTC
    assert rows == [
        ("curated", "releases.csv row 14", "2026-04-02", True, True),
        ("openrouter", "bytedance/seedance-2.0", "2026-04-15", False, True),
    ]
    # a model only OpenRouter knows is preferred in its own release; variants keep OpenRouter's name
    assert con.execute("""SELECT model, lab_id, country_code, is_preferred, counts_in_cadence FROM marts.fct_releases
                          WHERE source_record_id IN ('bytedance/seedance-2.5', 'bytedance/seedance-2.0-mini',
                                                     'kwaivgi/kling-v3.0-pro') ORDER BY model""").fetchall() == [
        ("Seedance 2.0 Mini", "bytedance", "CN", True, True),
        ("Seedance 2.5", "bytedance", "CN", True, True),
        ("Video v3.0 Pro", "kuaishou", "CN", True, True),
    ]
    assert con.execute("SELECT count(*) FROM marts.fct_releases WHERE source_record_id LIKE 'qwen/%'").fetchall() == [
        (0,)
    ]
    con.close()


def _release_page(repo: str, tag: str) -> bytes:
    (release,) = [
        r for r in json.loads((SYNTHETIC / "github_releases_synthetic.json").read_text()) if not r["prerelease"]
    ]
    return json.dumps(
        [{**release, "tag_name": tag, "html_url": f"https://github.com/{repo}/releases/tag/{tag}"}]
    ).encode()


def test_github_releases_follow_link_pages_and_stop_at_the_rate_limit(tmp_path):
    """Synthetic pages (tests/fixtures/synthetic shape): a/one has two pages, b/two exhausts the limit,
    so c/three is never asked and is reported with the reset time."""
    q = "?per_page=100"
    routes = {
        f"/repos/a/one/releases{q}": (
            200,
            _release_page("a/one", "v1"),
            {
                "Link": '<{base}/repos/a/one/releases?per_page=100&page=2>; rel="next"',
                "X-RateLimit-Remaining": "2",
                "X-RateLimit-Reset": "1893456000",
            },
        ),
        f"/repos/a/one/releases{q}&page=2": (200, _release_page("a/one", "v0"), {"X-RateLimit-Remaining": "1"}),
        f"/repos/b/two/releases{q}": (200, b"[]", {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1893456000"}),
    }
    with Loopback(routes) as server:
        con = scratch_warehouse(tmp_path / "w.duckdb")
        result, report = crawl_and_load(con, "github_releases", server.base, tmp_path, repos="a/one,b/two,c/three")
        hits = list(server.hits)
    assert hits == [f"/repos/a/one/releases{q}", f"/repos/a/one/releases{q}&page=2", f"/repos/b/two/releases{q}"]
    assert len(result.snapshots) == 3
    [skipped] = result.failures
    assert skipped["url"].endswith("/repos/c/three/releases?per_page=100")
    assert "rate limit" in skipped["reason"] and "2030-01-01T00:00:00+00:00" in skipped["reason"]
    # the empty list of b/two is a valid answer: no rows, no error
    assert report.rows_loaded == 2
    assert con.execute("SELECT tag_name FROM raw.raw_releases__github_releases ORDER BY tag_name").fetchall() == [
        ("v0",),
        ("v1",),
    ]
    con.close()


@pytest.mark.parametrize("tag", ["text-to-video"])
def test_hf_models_follow_pages_up_to_the_cap(tmp_path, tag):
    body = (SYNTHETIC / "hf_models_text-to-video_synthetic.json").read_bytes()
    first = f"/api/models?pipeline_tag={tag}&sort=downloads&direction=-1&limit=100"
    routes = {
        first: (200, body, {"Link": '<{base}/api/models?cursor=p2>; rel="next"'}),
        "/api/models?cursor=p2": (
            200,
            body.replace(b"}", b" }", 1),
            {"Link": '<{base}/api/models?cursor=p3>; rel="next"'},
        ),
        "/api/models?cursor=p3": (200, body, {}),
    }
    with Loopback(routes) as server:
        con = scratch_warehouse(tmp_path / "w.duckdb")
        result, _ = crawl_and_load(con, "hf_models", server.base, tmp_path, tags=tag, max_pages="2")
        hits = list(server.hits)
    assert hits == [first, "/api/models?cursor=p2"]  # the cap (2 pages) stops before p3
    build_release_models(con)
    per_snapshot = con.execute(
        "SELECT count(DISTINCT snapshot_sha256), count(*) FROM marts.fct_open_model_stats"
    ).fetchall()
    assert per_snapshot == [(2, 4)]  # two models per page, kept per snapshot (key model_id + snapshot_sha256)
    con.close()
