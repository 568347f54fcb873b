"""Q3 cadence: how fast do labs ship?"""

from __future__ import annotations

from ..figures.cadence import cadence_charts
from ..site import Section

ORDER = 30
OUT_TABLES = ("out_cadence_timeline", "out_cadence_quarterly", "out_cadence_version_gaps")
SOURCES = ("github_readme", "github_releases", "openrouter")


def build(con) -> Section:
    return Section(
        "cadence",
        "Q3 · Cadence: how fast do Chinese and U.S. labs ship?",
        "Dated release events (announce, preview, GA, API, open weights) from the curated release table, "
        "with OpenRouter's listing dates and the open-weight repos' README news and GitHub releases kept "
        "beside them when fetched live. Dates keep their precision: a month-only date is never given a day.",
        charts=cadence_charts(con),
    )
