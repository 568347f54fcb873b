"""The source registry: a source without recordings says why (shown by `videorace status`), and the
new spiders start from the registry's base URL."""

from __future__ import annotations

from pipelines.fetch import SourceSkipped, fetch_replay
from pipelines.sources import SOURCES


def test_every_source_without_recordings_says_why(tmp_path):
    missing = [s for s in SOURCES.values() if not s.has_recordings]
    assert {s.name for s in missing} >= {"gemini_pricing", "fal_pricing", "alibaba_pricing", "yahoo", "ecb"}
    for source in missing:
        assert source.replay_note, source.name
        try:
            fetch_replay(source, tmp_path)
        except SourceSkipped as exc:
            message = str(exc)
        assert message.startswith(f"{source.name}: live only — {source.replay_note}")
        assert len(f"live only — {source.replay_note}") <= 110  # the status column shows 110 characters


def test_status_shows_the_reason(warehouse_con):
    message = warehouse_con.execute(
        "SELECT message FROM raw.source_runs WHERE source = 'ecb' ORDER BY run_started_at DESC LIMIT 1"
    ).fetchall()[0][0]
    assert "no committed eurofxref-hist newer than 2025-05" in message


def test_new_spiders_default_to_the_registry_base_url():
    from videorace_scrapers.spiders.openness_hf_trending import HfTrendingSpider
    from videorace_scrapers.spiders.openness_openrouter_rankings import OpenrouterRankingsSpider
    from videorace_scrapers.spiders.patents_owid_patents import OwidPatentsSpider

    for spider in (HfTrendingSpider, OpenrouterRankingsSpider, OwidPatentsSpider):
        assert spider.default_base_url == SOURCES[spider.source].live_url
        assert SOURCES[spider.source].spider == spider.name
