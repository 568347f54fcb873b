"""The months-behind headline card per board (issue 10.3) on the bundled replay."""

from __future__ import annotations


def test_days_behind_card_for_text_to_video(warehouse_con):
    from dashboards.headlines_race import days_behind

    cards = {c.key: c for c in days_behind(warehouse_con, {"days-behind-text-to-video"})}
    card = cards["days-behind-text-to-video"]
    assert (card.label, card.value, card.as_of, card.country) == (
        "Months-behind gap, arena.ai text-to-video",
        "Chinese 103 days behind",
        "2026-10-10",
        "US",
    )
    assert card.detail == (
        "The best Chinese model (Seedance 2.0 (720p), 1479) is where the best U.S. model was 103 days ago "
        "(first reached 2026-06-29; between 103 and 131 days given the board's sampling), on 2026-10-10; "
        "a level counts as reached only by a CI lower bound."
    )
    assert card.links == [("gap chart", "#days-behind-text-to-video")]
    assert card.rows.height == 2  # both countries' rows of that day go to its CSV
    image = cards["days-behind-image-to-video"]
    assert image.value == "U.S. 42 days behind" and image.detail.startswith(
        "The best U.S. model (Gemini Omni, 1488) is where the best Chinese model was 42 days ago"
    )


def test_overview_links_the_card_to_the_quality_page_chart(replay_warehouse):
    html = (replay_warehouse / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="quality.html#days-behind-text-to-video"' in html
    assert 'href="data/overview-days-behind-text-to-video.csv"' in html
