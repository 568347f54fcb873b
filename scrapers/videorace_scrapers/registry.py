"""The source registry, read from its one home: ``warehouse/seeds/sources.csv`` (one row per source:
name, family, title, base URL, cadence, terms, access, the credential env vars, why it cannot be
replayed) and the lists a source iterates, each a seed beside it with a ``basis`` per row:
``source_boards.csv`` (boards / subsets / pipeline tags), ``source_tickers.csv`` and
``source_repos.csv``. ``cadences.csv`` says what a cadence means (cron, how old is stale).

The files are data, not code, so that the spiders (which run in their own ``scrapy crawl`` process
and import nothing from ``pipelines``), the pipeline (``pipelines/sources.py``), and the warehouse
(each seed is loaded as ``raw.raw_curated__<file>``; the site reads ``marts.dim_sources``) all read
the same rows. Naming follows from a row: spider ``<family>_<name>``, raw table
``raw.raw_<family>__<name>``, parser module ``parsers/<name>.py``, recordings
``scrapers/recordings/<name>/``, base-URL override ``VIDEORACE_<NAME>_URL``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = PROJECT_ROOT / "warehouse" / "seeds"
RECORDINGS_DIR = PROJECT_ROOT / "scrapers" / "recordings"
DEFAULT_MAX_RESPONSE_MB = 50.0


def source_url_env_var(source: str) -> str:
    """`VIDEORACE_<SOURCE>_URL`: lets a mirror, proxy or test server stand in for a live source."""
    return "VIDEORACE_" + re.sub(r"[^A-Z0-9]", "_", source.upper()) + "_URL"


@dataclass(frozen=True)
class Source:
    name: str
    family: str
    title: str
    live_url: str  # the base URL of the live source (spiders append their paths)
    data_format: str
    cadence: str  # a row of cadences.csv: daily | weekly | monthly
    terms: str
    auth: str = "keyless"  # access, as the methodology page says it
    auth_env_vars: tuple[str, ...] = ()  # the credentials the spider reads from the environment
    # a second host the source is read from (fal's public pricing page, Alibaba's international docs)
    alt_url: str = ""
    # why a source without recordings has none (shown by `videorace status` and the README)
    replay_note: str = ""
    # hosts a redirect may lead to besides the live URL's own (the spider refuses any other, and
    # every internal address); and the largest response body accepted, decompressed
    redirect_hosts: tuple[str, ...] = ()
    max_response_mb: float = DEFAULT_MAX_RESPONSE_MB

    @property
    def spider(self) -> str:
        return f"{self.family}_{self.name}"

    @property
    def raw_table(self) -> str:
        return f"raw_{self.family}__{self.name}"

    @property
    def url_env_var(self) -> str:
        return source_url_env_var(self.name)

    @property
    def has_recordings(self) -> bool:
        """Replayable: its recordings (a manifest with the files beside it) are committed."""
        return (RECORDINGS_DIR / self.name / "manifest.csv").exists()


@dataclass(frozen=True)
class Cadence:
    name: str
    cron_utc: str
    max_age_days: int


class RegistryError(ValueError):
    pass


def seed_rows(file: str) -> list[dict[str, str]]:
    """The rows of one registry seed, as text (a missing file or an empty one fails loudly)."""
    path = SEEDS_DIR / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        raise RegistryError(f"warehouse/seeds/{file}: no rows")
    return rows


def _words(text: str | None) -> tuple[str, ...]:
    return tuple((text or "").split())


@cache
def cadences() -> dict[str, Cadence]:
    return {
        r["cadence"]: Cadence(r["cadence"], r["cron_utc"], int(r["max_age_days"])) for r in seed_rows("cadences.csv")
    }


@cache
def sources() -> dict[str, Source]:
    found: dict[str, Source] = {}
    for row in seed_rows("sources.csv"):
        source = Source(
            name=row["name"],
            family=row["family"],
            title=row["title"],
            live_url=row["live_url"],
            data_format=row["data_format"],
            cadence=row["cadence"],
            terms=row["terms"],
            auth=row["auth"] or "keyless",
            auth_env_vars=_words(row.get("auth_env_vars")),
            alt_url=row.get("alt_url") or "",
            replay_note=row.get("replay_note") or "",
            redirect_hosts=_words(row.get("redirect_hosts")),
            max_response_mb=float(row.get("max_response_mb") or DEFAULT_MAX_RESPONSE_MB),
        )
        if source.name in found:
            raise RegistryError(f"warehouse/seeds/sources.csv: source {source.name!r} twice")
        if source.cadence not in cadences():
            raise RegistryError(f"warehouse/seeds/sources.csv: {source.name} has unknown cadence {source.cadence!r}")
        found[source.name] = source
    return found


def get_source(name: str) -> Source:
    registry = sources()
    if name not in registry:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(registry))}")
    return registry[name]


def secret_env_vars() -> tuple[str, ...]:
    """Every credential a source reads: their values are redacted from every message."""
    return tuple(sorted({var for s in sources().values() for var in s.auth_env_vars}))


def _of_source(file: str, source: str) -> list[dict[str, str]]:
    get_source(source)  # a list for a source the registry does not know is a mistake
    return [r for r in seed_rows(file) if r["source"] == source]


def boards(source: str, *, fetched: bool = False) -> dict[str, str]:
    """source_boards.csv: the source's own name of each board -> our board name (the dataset's
    ``text_to_video`` -> ``text-to-video``), in board order. A parser accepts every row; a spider
    asks for the `fetched` ones only."""
    rows = sorted(_of_source("source_boards.csv", source), key=lambda r: int(r["board_order"]))
    return {r["source_board"]: r["board"] for r in rows if not fetched or r["fetched"] == "true"}


def board_requests(source: str) -> dict[str, str]:
    """Fetched source_board -> the value the source's API wants for it (AA's supports-image-input)."""
    return {
        k: r["request_value"]
        for k in boards(source, fetched=True)
        for r in _of_source("source_boards.csv", source)
        if r["source_board"] == k
    }


def tickers(source: str) -> list[tuple[str, str]]:
    """source_tickers.csv: (ticker, path) in file order. A price-CSV source gives the
    <owner>/<repo>/<ref>/<path> of each file (one ticker may come from several repositories); a
    chart API leaves the path empty and is asked for the listing's symbol (`listing_symbols`)."""
    return [(r["ticker"], r["path"]) for r in _of_source("source_tickers.csv", source)]


def listing_symbols() -> dict[str, str]:
    """listings.csv: our ticker -> its Yahoo symbol (``HSI`` -> ``^HSI``)."""
    return {r["ticker"]: r["yahoo_symbol"] for r in seed_rows("listings.csv")}


def repos(source: str) -> list[str]:
    """source_repos.csv: the <owner>/<repo> names the source is read for, in file order."""
    return [r["repo"] for r in _of_source("source_repos.csv", source)]
