"""The vendored plotly.js basic bundle: the bytes its README names, the plotly.js version the pinned
Python plotly writes figures for, and every trace type the built site draws."""

from __future__ import annotations

import hashlib
import json
import re

from dashboards.site import PLOTLY_BUNDLE, PLOTLY_BUNDLE_TRACES

README = PLOTLY_BUNDLE.parent / "README.md"


def test_bundle_bytes_match_the_sha256_its_readme_names():
    named = re.search(r"sha256 of the committed file: `([0-9a-f]{64})`", README.read_text()).group(1)
    assert hashlib.sha256(PLOTLY_BUNDLE.read_bytes()).hexdigest() == named


def test_bundle_is_the_plotlyjs_version_python_plotly_writes_for():
    from plotly.offline import get_plotlyjs_version

    header = PLOTLY_BUNDLE.read_bytes()[:200].decode()
    assert f"plotly.js (basic - minified) v{get_plotlyjs_version()}" in header, (
        f"python plotly writes for plotly.js {get_plotlyjs_version()}: vendor plotly.js-basic-dist-min at that version"
    )


def test_every_trace_the_site_draws_is_in_the_bundle(replay_warehouse):
    site = replay_warehouse / "site"
    types: set[str] = set()
    for page in site.glob("*.html"):
        for blob in re.findall(r'<script type="application/json" class="figure"[^>]*>(.*?)</script>', page.read_text()):
            types |= {trace.get("type", "scatter") for trace in json.loads(blob)["data"]}
    assert {"scatter", "bar"} <= types <= PLOTLY_BUNDLE_TRACES


def test_published_bundle_is_the_vendored_one_behind_the_compile_hint(replay_warehouse):
    from dashboards.site import COMPILE_HINT, PLOTLY_JS

    published = (replay_warehouse / "site" / PLOTLY_JS).read_bytes()
    assert published.startswith(b"//# allFunctionsCalledOnLoad\n")
    assert published == COMPILE_HINT + PLOTLY_BUNDLE.read_bytes()
