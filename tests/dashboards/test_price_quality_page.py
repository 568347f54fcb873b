"""The price page's price-quality frontier chart: its finding from the levels table, dots with CI
whiskers, display names, and the sentence naming who gives more quality per dollar."""

from __future__ import annotations

import json
import re


def _figure(html: str, slug: str) -> dict:
    match = re.search(rf'<script type="application/json" class="figure" id="fig-{slug}">(.*?)</script>', html, re.S)
    assert match, slug
    return json.loads(match.group(1))


def test_frontier_chart_on_the_price_page(replay_warehouse):
    html = (replay_warehouse / "site" / "price.html").read_text(encoding="utf-8")
    assert (
        "arena.ai text-to-video, 2026-10-10, at 720p: China gives more quality per dollar at 5 of 6 price "
        "levels; United States at $0.070/s" in html
    )
    assert "up to $0.083/s Chinese (Wan 3.0 1476 vs Grok Imagine (720p) 1342)" in html
    assert "unmatched (no model family): hidream-o1-video-1.0" in html
    assert "at 1080p, from 2026-04-01 to 2026-10-10: Chinese best 1221" in html
    figure = _figure(html, "price-quality-frontier-text-to-video")
    assert {t["type"] for t in figure["data"]} == {"scatter"} and all("error_y" in t for t in figure["data"])
    frontier = next(t for t in figure["data"] if t["name"] == "China frontier")
    assert frontier["text"] == ["Seedance 1.5 Pro", "Wan 3.0", "Seedance 2.0 (720p)"]
    csv = (replay_warehouse / "site" / "data" / "price-quality-frontier-text-to-video.csv").read_text(encoding="utf-8")
    assert any(
        line.startswith("text-to-video,720p,newest_price,2026-10-10,wan3.0,Wan 3.0,CN,1476,1463,1489,0.082513,")
        for line in csv.splitlines()
    )
    assert (replay_warehouse / "site" / "data" / "tables" / "out.out_price_quality_points.csv").exists()
