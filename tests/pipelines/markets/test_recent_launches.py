"""The launches of September-October 2026 in the event study: one cited launch computed on the new
stock series with the same windows, and one whose window runs past the stock data marked
incomplete (no CAR on a short window)."""

from __future__ import annotations

from datetime import date


def test_gwm_worlds_2_roblox_car_and_window(warehouse_con):
    row = warehouse_con.execute("""SELECT event_session_date, window_status, car_market_adjusted_m1_p1_pct,
                                          car_market_model_m1_p1_pct, car_market_adjusted_p0_p5_pct,
                                          car_market_model_p0_p5_pct, t_market_model_p0_p5, earnings_in_p0_p5,
                                          other_events_in_window, release_date_matches, release_source_url
                                   FROM out.out_event_study
                                   WHERE event_id = 'gwm_worlds_2' AND ticker = 'RBLX'""").fetchall()
    assert row == [
        (
            date(2026, 9, 3),
            "complete",
            5.2869,
            6.1644,
            10.1711,
            12.5524,
            1.08,
            False,
            None,
            True,
            "https://runway.com/research/introducing-gwm-worlds-2",
        )
    ]
    # the [0,+5] window: six sessions from the event day, Labor Day (2026-09-07) skipped
    days = warehouse_con.execute("""SELECT min(trade_date), max(trade_date), count(*),
                                           round(100 * sum(ar_market_model), 4)
                                    FROM out.out_event_study_daily
                                    WHERE event_id = 'gwm_worlds_2' AND ticker = 'RBLX'
                                      AND rel_day BETWEEN 0 AND 5""").fetchall()
    assert days == [(date(2026, 9, 3), date(2026, 9, 11), 6, 12.5524)]


def test_a_window_past_the_stock_data_is_incomplete_not_computed(warehouse_con):
    row = warehouse_con.execute("""SELECT window_status, stock_data_ends, car_market_adjusted_m1_p1_pct,
                                          car_market_adjusted_p0_p5_pct, car_market_model_p0_p5_pct
                                   FROM out.out_event_study WHERE event_id = 'kling_4_0'""").fetchall()
    assert row == [
        (
            "incomplete: no 1024.HK session on or after the event date (its data ends 2026-03-26)",
            date(2026, 3, 26),
            None,
            None,
            None,
        )
    ]
    # every older event stays complete: the new rule changes nothing computed before
    statuses = warehouse_con.execute("""SELECT window_status, count(*) FROM out.out_event_study
                                        GROUP BY 1 ORDER BY 1""").fetchall()
    assert statuses == [
        ("complete", 23),
        ("incomplete: no 1024.HK session on or after the event date (its data ends 2026-03-26)", 1),
    ]


def test_launches_without_a_cited_day_are_named_not_computed(warehouse_con):
    from dashboards.figures.markets_recent import launches_not_computed

    undated, unlisted = launches_not_computed(warehouse_con, {"Runway GWM Worlds 2", "Kling 4.0"})
    assert "wan3.0-video-prime (Alibaba (Tongyi Wan), 2026-11-20: first_seen)" in undated
    assert "Kling 4.0 (full release) (Kuaishou (Kling AI), 2026-10: planned)" in undated
    assert unlisted == ["HiDream-O1-Video-1.0 (HiDream, 2026-09-17)"]
    ids = {r[0] for r in warehouse_con.execute("SELECT event_id FROM out.out_event_study").fetchall()}
    assert not any("wan_3" in i for i in ids)
