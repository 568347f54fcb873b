"""Q1 quality: who leads the blind-vote video arenas?"""

from __future__ import annotations

from ..figures.quality import leaderboard_charts
from ..site import Section

ORDER = 10
OUT_TABLES = ("out_leaderboard_country_daily",)


def build(con) -> Section:
    return Section("quality", "Q1 · Quality: who leads the blind-vote video arenas?",
                   "Share of the arena.ai top 10 held by Chinese and U.S. labs, and the best score of each country "
                   "with the arena's confidence interval, per board and day.",
                   charts=leaderboard_charts(con))
