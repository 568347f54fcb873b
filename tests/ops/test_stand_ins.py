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


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_spider_uses_the_stand_in_base_url(name, tmp_path, monkeypatch):
    for key in ("EPO_OPS_KEY", "EPO_OPS_SECRET", "FAL_KEY", "GITHUB_TOKEN", "HF_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    with FaultServer({}) as server:  # every path answers 404
        base = server.url
        with pytest.raises(FetchError) as err:
            fetch_live(SOURCES[name], tmp_path / "snapshots", server.url, timeout_s=120, scrapy_settings=FAST)
        paths = [hit.path for hit in server.hits if not hit.path.endswith("/robots.txt")]
    assert name in str(err.value)
    if name in NEEDS_CREDENTIALS:
        assert isinstance(err.value, SourceSkipped) and "not set" in str(err.value)
        assert paths == []
    else:
        assert not isinstance(err.value, SourceSkipped)
        assert paths, f"{name}: the spider sent nothing to the stand-in"
        assert "no usable response" in str(err.value)
        urls = re.findall(r"https?://[^\s:;()]+(?::\d+)?[^\s;()]*", str(err.value))
        assert urls and all(u.startswith(base) for u in urls), urls  # nothing went past the stand-in
