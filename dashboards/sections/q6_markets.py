"""Q6 markets: how do listed companies react to video-model launches?"""

from __future__ import annotations

from ..figures.markets import market_charts
from ..site import Section

ORDER = 60
OUT_TABLES = ("out_event_study", "out_event_study_daily", "out_market_moves_reported_vs_computed")
SOURCES = ("stock_csv", "yahoo")


def build(con) -> Section:
    return Section(
        "markets",
        "Q6 · Markets: how do listed companies react to launches?",
        "Abnormal returns (stock minus benchmark: SPY for U.S. listings, the Hang Seng index for Hong "
        "Kong) around dated launches, cumulated over trading-day windows [-1,+1] and [0,+5], with the "
        "market-model version and the press-reported moves beside ours. Earnings days inside a window "
        "are flagged.",
        charts=market_charts(con),
    )
