"""The months-behind gap (out_quality_days_behind) on the replayed arena boards, checked by hand."""

from __future__ import annotations

from datetime import date


def test_china_is_where_the_us_was_103_days_earlier_on_2026_10_10(warehouse_con):
    # By hand from fct_leaderboard_entries, text-to-video: on 2026-10-10 China's best is
    # dreamina-seedance-2.0-720p at 1479. The U.S. best's CI lower bound first reached 1479 on
    # 2026-06-29 (gemini-omni-flash 1527, lower bound 1513); on 05-31, the U.S. day before, the best
    # was veo-3.1-audio-1080p at 1370. 06-29 -> 10-10 = 103 days; 05-31 -> 10-10 minus one = 131.
    row = warehouse_con.execute("""
        SELECT best_model, best_score, other_first_reached_on, days_behind, days_behind_max, is_censored
        FROM out.out_quality_days_behind
        WHERE board = 'text-to-video' AND snapshot_date = '2026-10-10' AND country_code = 'CN'""").fetchall()
    assert row == [("dreamina-seedance-2.0-720p", 1479.0, date(2026, 6, 29), 103, 131, False)]


def test_the_leader_is_not_behind_and_the_gap_is_never_negative(warehouse_con):
    us = warehouse_con.execute("""
        SELECT reached, days_behind FROM out.out_quality_days_behind
        WHERE board = 'text-to-video' AND snapshot_date = '2026-10-10' AND country_code = 'US'""").fetchall()
    assert us == [(False, None)]  # no Chinese model's lower bound has reached 1516 (gemini-omni-1.1-flash)
    bad = warehouse_con.execute("""
        SELECT count(*) FROM out.out_quality_days_behind
        WHERE days_behind < 0 OR days_behind_max < days_behind OR (reached AND other_first_reached_on > snapshot_date)
        """).fetchall()
    assert bad == [(0,)]


def test_the_quality_page_states_the_gap(replay_warehouse):
    html = (replay_warehouse / "site" / "quality.html").read_text(encoding="utf-8")
    assert (
        "arena.ai text-to-video: on 2026-10-10 the best Chinese model is where the best U.S. model was "
        "103–131 days earlier"
    ) in html
    assert 'href="methodology.html#term-days-behind"' in html
