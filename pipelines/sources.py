"""The source registry: one origin record per source (what, where, terms, cadence, auth).

Spider name = ``<family>_<name>``; raw table = ``raw.raw_<family>__<name>``; recordings live in
``scrapers/recordings/<name>/`` with a manifest. The live base URL of every source can be replaced
from the environment with ``VIDEORACE_<NAME>_URL``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import source_url_env_var


@dataclass(frozen=True)
class Source:
    name: str
    family: str
    title: str
    live_url: str
    data_format: str
    cadence: str  # daily | weekly | monthly
    terms: str
    auth: str = "keyless"
    has_recordings: bool = False

    @property
    def spider(self) -> str:
        return f"{self.family}_{self.name}"

    @property
    def raw_table(self) -> str:
        return f"raw_{self.family}__{self.name}"

    @property
    def url_env_var(self) -> str:
        return source_url_env_var(self.name)


SOURCES: dict[str, Source] = {
    s.name: s
    for s in [
        Source(
            name="arena",
            family="leaderboards",
            title="arena.ai video boards via the community daily JSON mirror",
            live_url="https://raw.githubusercontent.com/oolong-tea-2026/arena-ai-leaderboards/main",
            data_format="JSON (data/YYYY-MM-DD/{text-to-video,image-to-video,video-edit}.json, data/latest.json)",
            cadence="daily",
            terms="MIT (mirror, Copyright (c) 2026 Wu Long); upstream arena.ai leaderboard pages",
            has_recordings=True,
        ),
    ]
}

CADENCES = ("daily", "weekly", "monthly")
CADENCE_MAX_AGE_DAYS = {"daily": 2, "weekly": 9, "monthly": 35}


def get_source(name: str) -> Source:
    if name not in SOURCES:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SOURCES))}")
    return SOURCES[name]
