"""Q3 cadence: how fast do labs ship?"""

from __future__ import annotations

from ..figures.cadence import cadence_charts
from ..site import Section

ORDER = 30
OUT_TABLES = ("out_cadence_timeline", "out_cadence_versions_quarterly", "out_cadence_version_gaps")
# the per-quarter count dates model versions by first sightings on the boards and in LiteLLM too
SOURCES = ("github_readme", "github_releases", "openrouter", "arena", "aa_arena", "lmarena_dataset", "litellm_pricing")


def build(con) -> Section:
    return Section(
        "cadence",
        "Q3 · Cadence: how fast do Chinese and U.S. labs ship?",
        "Every dated piece of evidence that a model version exists: the curated release table, Artificial "
        "Analysis' release dates, the first day a model appears on the arena.ai boards, the official lmarena "
        "dataset and the LiteLLM catalogue, and the git tags and first commits of open-weight repos. Each "
        "model version gets one preferred date by a written rule (methodology); a first sighting is an upper "
        "bound and is marked so. Dates keep their precision: a month-only date is never given a day.",
        charts=cadence_charts(con),
    )
