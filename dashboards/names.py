"""Display names for readers, from the warehouse dimensions: a model slug becomes its family name
and variant (dreamina-seedance-2.0-720p -> Seedance 2.0 (720p)), a lab id its name, a ticker its
listing, an event id its launch. Ids stay in the CSVs; unknown ids are shown as they are."""

from __future__ import annotations

import re

import duckdb

VARIANT_WORDS = (
    "pro",
    "fast",
    "lite",
    "standard",
    "turbo",
    "master",
    "preview",
    "audio",
    "480p",
    "720p",
    "1080p",
    "i2v",
    "t2v",
)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        f"{s}.{t}" for s, t in con.execute("SELECT table_schema, table_name FROM information_schema.tables").fetchall()
    }


def model_display(slug: str, family: str | None) -> str:
    if not family:
        return slug
    have = {w.lower() for w in re.split(r"[\s()/-]+", family)}
    tokens = re.split(r"[-_]", slug.lower())
    extra = [t for t in tokens if t in VARIANT_WORDS and t not in have]
    dated = [t for t in tokens if re.fullmatch(r"20\d{6}", t)]
    extra += [f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in dated]
    labels = {"i2v": "image-to-video", "t2v": "text-to-video"}
    return f"{family} ({', '.join(labels.get(e, e) for e in extra)})" if extra else family


class Names:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        tables = _tables(con)
        self.models: dict[str, str] = {}
        self.labs: dict[str, str] = {}
        self.listings: dict[str, str] = {}
        self.events: dict[str, str] = {}
        if "marts.dim_models" in tables:
            for slug, family in con.execute("SELECT model, model_family FROM marts.dim_models").fetchall():
                self.models[slug] = model_display(slug, family)
        if "marts.dim_labs" in tables:
            self.labs = dict(con.execute("SELECT lab_id, lab_name FROM marts.dim_labs").fetchall())
        if "marts.dim_listings" in tables:
            self.listings = dict(con.execute("SELECT ticker, listing_name FROM marts.dim_listings").fetchall())
        if "out.out_event_study" in tables:
            self.events = dict(con.execute("SELECT DISTINCT event_id, event_name FROM out.out_event_study").fetchall())

    def model(self, slug: str | None) -> str:
        return "unknown" if slug is None else self.models.get(slug, slug)

    def lab(self, lab_id: str | None) -> str:
        return "unknown" if lab_id is None else self.labs.get(lab_id, lab_id)

    def listing(self, ticker: str | None, with_ticker: bool = True) -> str:
        if ticker is None:
            return "unknown"
        name = self.listings.get(ticker)
        if not name:
            return ticker
        return f"{name} ({ticker})" if with_ticker else name

    def event(self, event_id: str | None) -> str:
        return "unknown" if event_id is None else self.events.get(event_id, event_id)


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"
