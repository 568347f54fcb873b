"""Q1 quality: who leads the blind-vote video arenas?"""

from __future__ import annotations

from ..figures.quality import leaderboard_charts
from ..figures.quality_extra import race_over_time_charts
from ..figures.quality_gap import days_behind_charts
from ..site import Section

ORDER = 10
OUT_TABLES = ("out_leaderboard_country_daily", "out_quality_leader_daily", "out_quality_days_behind")


def build(con) -> Section:
    return Section(
        "quality",
        "Q1 · Quality: who leads the blind-vote video arenas?",
        "Share of the arena.ai top 10 held by Chinese and U.S. labs, the best score of each country "
        "with the arena's confidence interval, whether a lead is clear of "
        "both intervals, per board and day; how many days the country behind trails the other; "
        "Artificial Analysis's arena as a second opinion.",
        charts=[*leaderboard_charts(con), *race_over_time_charts(con), *days_behind_charts(con)],
    )
