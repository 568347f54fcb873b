"""Every source's live base URL can be replaced (`VIDEORACE_<SOURCE>_URL`): each spider, run as the
pipeline runs it, sends its requests to the stand-in and nowhere else, and a stand-in that answers
nothing useful gives a clear error naming the source (or a plain "skipped" without credentials)."""

from __future__ import annotations

import re

import pytest

from pipelines.fetch import FetchError, SourceSkipped, fetch_live
from pipelines.sources import SOURCES

from .faultserver import FaultServer

FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "RETRY_TIMES": "0", "DOWNLOAD_TIMEOUT": "5"}
NEEDS_CREDENTIALS = {"epo_ops"}  # skips itself, saying why, when EPO_OPS_KEY/SECRET are absent
CREDENTIALS = ("EPO_OPS_KEY", "EPO_OPS_SECRET", "FAL_KEY", "GITHUB_TOKEN", "HF_TOKEN")


@pytest.fixture(scope="module", autouse=True)
def no_credentials():
    """The spiders inherit this process's environment: no key, so each source shows what it does without."""
    with pytest.MonkeyPatch.context() as patch:
        for key in CREDENTIALS:
            patch.delenv(key, raising=False)
        yield


def stand_in_crawl(name: str, tmp_path):
    with FaultServer({}) as server:  # every path answers 404
        try:
            fetch_live(SOURCES[name], tmp_path / "snapshots", server.url, timeout_s=120, scrapy_settings=FAST)
        except FetchError as exc:
            return exc, server.url, [hit.path for hit in server.hits if not hit.path.endswith("/robots.txt")]
        return None, server.url, [hit.path for hit in server.hits if not hit.path.endswith("/robots.txt")]


def crawl_for(test: str, params: dict, tmp_path):
    """Each source's crawl, run side by side by the `crawl_pool` fixture (tests/ops/conftest.py)."""
    return lambda: stand_in_crawl(params["name"], tmp_path)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_spider_uses_the_stand_in_base_url(name, no_credentials, crawled):
    error, base, paths = crawled
    assert isinstance(error, FetchError), f"{name}: a stand-in answering 404 everywhere did not fail the fetch"
    assert name in str(error)
    if name in NEEDS_CREDENTIALS:
        assert isinstance(error, SourceSkipped) and "not set" in str(error)
        assert paths == []
    else:
        assert not isinstance(error, SourceSkipped)
        assert paths, f"{name}: the spider sent nothing to the stand-in"
        assert "no usable response" in str(error)
        urls = re.findall(r"https?://[^\s:;()]+(?::\d+)?[^\s;()]*", str(error))
        assert urls and all(u.startswith(base) for u in urls), urls  # nothing went past the stand-in
