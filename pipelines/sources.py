"""The source registry as the pipeline sees it. Its rows live in one place,
``warehouse/seeds/sources.csv`` (read by ``videorace_scrapers.registry``, which the spiders use too);
this module only names them for the rest of ``pipelines``.

Spider name = ``<family>_<name>``; raw table = ``raw.raw_<family>__<name>``; recordings live in
``scrapers/recordings/<name>/`` with a manifest. The live base URL of every source can be replaced
from the environment with ``VIDEORACE_<NAME>_URL``.
"""

from __future__ import annotations

from videorace_scrapers.registry import Source, cadences, get_source, sources

SOURCES: dict[str, Source] = sources()
CADENCE_MAX_AGE_DAYS: dict[str, int] = {name: c.max_age_days for name, c in cadences().items()}
CADENCES: tuple[str, ...] = tuple(cadences())

__all__ = ["CADENCES", "CADENCE_MAX_AGE_DAYS", "SOURCES", "Source", "get_source"]
