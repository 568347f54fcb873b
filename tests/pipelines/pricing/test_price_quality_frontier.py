"""The price-quality frontier by country on the bundled data: arena.ai scores joined to prices
through model families, each country's Pareto frontier, who leads at each price level, and how the
frontiers moved between the first and last day both countries had a price in force."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def t2v_720p(warehouse_con) -> dict[str, dict]:
    rows = warehouse_con.sql("""SELECT * FROM out.out_price_quality_points
                                WHERE board = 'text-to-video' AND price_spec = '720p'
                                  AND pairing = 'newest_price'""").pl()
    return {r["model"]: r for r in rows.to_dicts()}


def test_one_frontier_point_per_country(t2v_720p):
    wan = t2v_720p["wan3.0"]
    assert (wan["snapshot_date"], wan["country_code"], wan["score"], wan["price_usd_per_s"]) == (
        date(2026, 10, 10),
        "CN",
        1476,
        0.082513,
    )
    assert wan["is_on_country_frontier"] and wan["offer_model"] == "wan3.0-video"
    assert wan["price_valid_from"] == date(2026, 11, 20)  # the LiteLLM 1.110.2 catalogue
    grok = t2v_720p["grok-imagine-video-720p"]
    assert (grok["country_code"], grok["score"], grok["price_usd_per_s"], grok["is_on_country_frontier"]) == (
        "US",
        1342,
        0.07,
        True,
    )
    # Veo 3.1 Fast at $0.15 beats Grok on score, but Veo 3 (1340 at $0.75) is dominated by both
    assert t2v_720p["veo-3.1-fast-audio"]["is_on_country_frontier"]
    assert not t2v_720p["veo-3-audio"]["is_on_country_frontier"]
    frontier = {m for m, r in t2v_720p.items() if r["is_on_country_frontier"]}
    assert frontier == {
        "seedance-v1.5-pro",
        "wan3.0",
        "dreamina-seedance-2.0-720p",
        "grok-imagine-video-720p",
        "veo-3.1-fast-audio",
        "veo-3.1-audio",
    }


def test_an_offer_of_another_variant_is_not_the_models_price(warehouse_con):
    # veo-3.1-lite costs $0.08/s at 1080p; it is not the price of veo-3.1-audio ($0.40/s, Veo 3.1 Standard)
    row = warehouse_con.execute("""SELECT price_usd_per_s, offer_model FROM out.out_price_quality_points
                                   WHERE board = 'text-to-video' AND price_spec = '1080p'
                                     AND pairing = 'newest_price' AND model = 'veo-3.1-audio'""").fetchall()
    assert row == [(0.4, "Veo 3.1 Standard")]


def test_unmatched_model_is_listed_not_guessed(warehouse_con):
    rows = warehouse_con.execute("""SELECT board, snapshot_date, match_status, price_usd_per_s, is_on_country_frontier
                                    FROM out.out_price_quality_points
                                    WHERE model = 'hidream-o1-video-1.0' AND pairing = 'newest_price'
                                    ORDER BY price_spec""").fetchall()
    assert rows == [("image-to-video", date(2026, 10, 10), "unmatched: no model family", None, False)] * 2


def test_who_leads_at_each_price_level(warehouse_con):
    rows = warehouse_con.execute("""SELECT price_level_usd_per_s, leader, lead_is_clear, cn_best_model, us_best_model
                                    FROM out.out_price_quality_levels
                                    WHERE board = 'text-to-video' AND price_spec = '720p' AND pairing = 'newest_price'
                                    ORDER BY price_level_usd_per_s""").fetchall()
    assert [(round(p, 6), leader) for p, leader, *_ in rows] == [
        (0.026, "CN"),
        (0.07, "US"),
        (0.082513, "CN"),
        (0.141943, "CN"),
        (0.15, "CN"),
        (0.4, "CN"),
    ]
    assert rows[1][2:] == (True, "seedance-v1.5-pro", "grok-imagine-video-720p")
    assert rows[2][2:] == (True, "wan3.0", "grok-imagine-video-720p")


def test_how_the_frontiers_moved(warehouse_con):
    rows = warehouse_con.execute("""SELECT country_code, first_day, last_day, best_model_first, best_score_first,
                                           best_model_last, best_score_last, best_score_change,
                                           cheapest_usd_per_s_first, cheapest_usd_per_s_last
                                    FROM out.out_price_quality_frontier_moves
                                    WHERE board = 'text-to-video' AND price_spec = '1080p'
                                    ORDER BY country_code""").fetchall()
    assert rows == [
        (
            "CN",
            date(2026, 4, 1),
            date(2026, 10, 10),
            "kling-2.5-turbo-1080p",
            1221,
            # Seedance 2.0's own price rows (fal's seedance2, LiteLLM's doubao-seedance-2-0) match its family
            "dreamina-seedance-2.0-720p",
            1479,
            258,
            0.05,
            0.05,
        ),
        (
            "US",
            date(2026, 4, 1),
            date(2026, 10, 10),
            "veo-3.1-fast-audio-1080p",
            1378,
            "veo-3.1-audio",
            1364,
            -14,
            0.15,
            0.12,
        ),
    ]
    # 720p has no Chinese price in force on any arena day (Chinese 720p prices are dated 2026-11-20)
    assert warehouse_con.execute("""SELECT count(*) FROM out.out_price_quality_frontier_moves
                                    WHERE board = 'text-to-video' AND price_spec = '720p'""").fetchall() == [(0,)]
