"""methodology.html: how every number is made (country, price, event study, claims, changes), the
sources with their terms, cadence and access, and the caveats a reader must know."""

from __future__ import annotations

import duckdb

from .chart import esc, safe_href
from .chart_html import source_label
from .glossary import glossary_html
from .site import Section
from .sources import source_registry

COUNTRY = [
    "A model's country is the headquarters country (ISO 3166 alpha-2) of the lab that develops it, from "
    "marts.dim_labs, with the basis written beside it (e.g. “vendor HQ (Beijing)”). A product sold through a "
    "foreign subsidiary keeps its developing lab's country.",
    "Charts group countries as China (CN), United States (US), other countries and unknown. A lab whose "
    "country is not verified stays unknown (NULL in the warehouse) and is charted as “unknown”: it is never "
    "guessed or folded into another group.",
]
PRICE = [
    "Reference specs: text-to-video, 5-second clips, at 720p without audio and at 1080p with audio. A price "
    "is compared only with prices at the same spec.",
    "Per-clip prices are divided by the clip's seconds; credit prices are multiplied by the dollar price of "
    "one credit (e.g. Runway: $0.01 per credit); token billing uses the vendor's documented formula.",
    "Prices in CNY are converted to USD at the FRED DEXCHUS rate (CNY per USD) of the observation date (the "
    "latest earlier rate on holidays). The native price, currency, FX rate and its date stay beside the USD "
    "figure.",
    "Observations are bitemporal: valid_from/valid_to say when a price applied, observed_at when it was seen.",
    "Price-quality frontier: each arena model is joined to prices through its model family only "
    "(warehouse/seeds/model_families.csv); an offer of a named variant (lite, fast, pro, ...) prices only an "
    "arena model of that variant; a model without a family is listed as unmatched. The cheapest offer of the "
    "family at 720p (or 1080p), text-to-video, audio with, without or not stated, is its price. A model is "
    "on its country's frontier when no model of the same country is cheaper-or-equal and better-or-equal. "
    "Today's frontier pairs the newest scores with each offer's newest price; its movement pairs each day's "
    "scores with the prices in force that day, from the first to the last day on which both countries have "
    "one (out_price_quality_frontier_moves).",
]
EVENT_STUDY = [
    "Daily returns from adjusted closes. Abnormal return (AR) two ways: market-adjusted (stock return minus "
    "the benchmark's return, e.g. SPY for U.S. listings, the Hang Seng index for Hong Kong) and market-model "
    "(return minus α + β × benchmark, with α and β estimated on a pre-event window that ends before the event "
    "window).",
    "Cumulative abnormal returns over the windows [-1, +1] and [0, +5] trading days around the event.",
    "Next-session rule: an event dated on a non-trading day (weekend or holiday) moves to "
    "the next trading session in the listing's time zone.",
    "Confounders: an earnings release or another dated company event inside a window is flagged beside the "
    "result; such a result is not read as the launch's effect alone.",
    "A launch enters only with a cited day (a first-seen date is an upper bound and a month is not a day: "
    "such launches are named, not computed). A window that runs past the listing's newest bar is marked "
    "incomplete and gets no CAR; it is never computed on the sessions that happen to exist.",
]
CLAIMS = [
    "Each press claim is a metric with a test. The verdict (supported / partly / refuted / insufficient "
    "data) is recomputed from the warehouse on every refresh and kept with its date, so the ledger has a "
    "history.",
    "Each verdict names its data-through date: the newest date of the rows its rule read (an arena board "
    "day, a price's valid_from, a token day), not the refresh day; the rules read the newest evidence held.",
]
CHANGES = [
    "Each refresh records what changed in marts.fct_changes and the Atom feed changes.atom: a new #1 on an "
    "arena board (consecutive snapshot days of that board), a price change above 10% (consecutive "
    "observations of the same offer), a new release and a new claim verdict. A change is dated by the day "
    "the data shows it; first_seen_at says which refresh recorded it first (kept from the previous state of "
    "the table in the warehouse). Kinds whose tables are absent are skipped and listed as such.",
    "Every marts and out table is offered as a CSV on the overview (Download the full data); the command "
    "line's export writes the same tables to Parquet or CSV with an as-of column.",
]
CAVEATS = [
    "The arena.ai boards come from a community mirror (oolong-tea-2026/arena-ai-leaderboards, MIT) that read "
    "arena.ai through a reader service and an LLM until mid-July 2026, then a deterministic parser: a good "
    "but unofficial record. It is daily from 2026-03-19 to 2026-04-19, then a few days per month: a new #1 "
    "between two of those days is dated by the later one.",
    "Artificial Analysis moved to a v2 API in August 2026 whose Elo scale differs from the public arena "
    "JSON: scores are not compared across the two, and v2 rows carry no creator country.",
    "Stock prices are float32-noisy Yahoo Finance values: returns are computed "
    "from them as they are, and differences below a cent are noise.",
    "OpenRouter's “created” field is the date a model was listed on OpenRouter (API availability), not the "
    "model's announcement or release date.",
    "Press-reported figures (market moves, leaderboard positions, patent counts) are kept side by side when "
    "sources disagree; none is silently preferred.",
]


CADENCE = [
    "Evidence: every dated sign that a model version exists, one row each in marts.fct_model_version_dates: "
    "curated release rows (announce, preview, GA, API, open weights) and cited candidates, Artificial "
    "Analysis' own release_date, the first day a model appears on an arena.ai board, in the official lmarena "
    "dataset, on an AA board and in the LiteLLM catalogue, and the git tags and first commits of open-weight "
    "repos. A 'planned' date is not evidence.",
    "Model version: a source's name is matched to a model family (warehouse/seeds/model_families.csv, the "
    "same patterns the marts use) only when the family's lab is the source's lab and the first version "
    "number agrees (Pika 1.5 is not the Pika 2.2 family); an unmatched name stays its own version (the same "
    "name from two sources is one version, nothing is guessed).",
    "Preferred date, in order: the earliest stated release date (curated, cited candidate, AA release_date; a "
    "month-only date compared by its last day, so a day in that month refines it); else the earliest git tag, "
    "first commit or first sighting; a first sighting is an upper bound, shown 'by <date>'. A version seen "
    "only from the first day a source was recorded has no preferred date (released on or before that day).",
    "Releases per quarter count distinct model versions by the quarter of their preferred date and the HQ "
    "country of their lab. A quarter that ends after the newest data-through date of any source is partial "
    "(is_partial_quarter in the CSV), drawn faded and hatched, and never compared as a whole one.",
]
AGE = [
    "Data-through: for each source, the date its data runs to -- its newest board day, series day or "
    "publication year, or the capture time of its newest snapshot for a page or catalogue read whole -- not "
    "when it was loaded (marts.dim_source_data_through). The header shows one date per family, with every "
    "other source of the family beside it.",
    "Stale: a source whose data is older than its cadence allows (daily 2 days, weekly 9, monthly 35) or whose "
    "last refresh failed; the status command, the Dagster freshness checks (data_through in the check's "
    "metadata) and a badge on every chart fed by it say so. Annual patent statistics are judged by their load.",
    "Export as_of: each table's own newest date over all of its date columns.",
    "Months-behind gap (out.out_quality_days_behind): per board and day, how many days earlier the other "
    "country's best model first had a CI lower bound at or above this country's best score; with weekly "
    "sampling the gap is a range, and a level first reached on the board's first recorded day is a lower bound.",
]


def _list(items: list[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{esc(i)}</li>\n" for i in items) + "</ul>\n"


def _labs_table(con: duckdb.DuckDBPyConnection) -> str:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'marts' AND table_name = 'dim_labs'"
    ).fetchall()[0][0]
    if not exists:
        return ""
    rows = con.execute("""SELECT lab_name, coalesce(country_code, 'unknown'), coalesce(country_basis, ''),
                                 coalesce(basis_source_url, curated_file || ' row ' || curated_row)
                          FROM marts.dim_labs ORDER BY country_code NULLS LAST, lab_name""").fetchall()
    body = "".join(
        f'<tr><td data-label="lab">{esc(n)}</td><td data-label="country">{esc(c)}</td>'
        f'<td data-label="basis">{esc(b)}</td><td data-label="cited in">{_cited(s)}</td></tr>\n'
        for n, c, b, s in rows
    )
    return (
        '<h3>Labs and their countries</h3>\n<table class="prose"><thead><tr><th>lab</th><th>country</th>'
        f"<th>basis</th><th>cited in</th></tr></thead>\n<tbody>\n{body}</tbody></table>\n"
    )


def _cited(value: str | None) -> str:
    href = safe_href(value or "")
    return f'<a href="{esc(href)}" title="{esc(href)}">{esc(source_label(href))}</a>' if href else esc(value)


def _sources_table(con: duckdb.DuckDBPyConnection) -> str:
    body = []
    for source in source_registry(con).values():
        href = safe_href(source.live_url)
        url = (
            f'<a href="{esc(href)}" title="{esc(href)}">{esc(source_label(href))}</a>' if href else esc(source.live_url)
        )
        body.append(
            f'<tr><td data-label="what">{esc(source.title)}</td><td data-label="where">{url}</td>'
            f'<td data-label="terms">{esc(source.terms)}</td><td data-label="cadence">{esc(source.cadence)}</td>'
            f'<td data-label="access">{esc(source.access)}</td></tr>\n'
        )
    return (
        '<table class="prose"><thead><tr><th>what</th><th>where</th><th>terms / licence</th>'
        f"<th>cadence</th><th>access</th></tr></thead>\n<tbody>\n{''.join(body)}</tbody></table>\n"
        '<p class="meta">Curated tables carry a source URL on every row; each warehouse row keeps its '
        "curated file and row number. Our compilation of these data is licensed CC BY 4.0.</p>\n"
    )


def methodology_sections(con: duckdb.DuckDBPyConnection) -> list[Section]:
    return [
        Section(
            "glossary",
            "Glossary",
            "The terms the charts use; each chart links here for the ones it uses.",
            html_blocks=[glossary_html()],
        ),
        Section("country", "Country policy", html_blocks=[_list(COUNTRY), _labs_table(con)]),
        Section("price", "Price per second", html_blocks=[_list(PRICE)]),
        Section("cadence-method", "Cadence: model versions and their dates", html_blocks=[_list(CADENCE)]),
        Section("data-age", "The age of every number", html_blocks=[_list(AGE)]),
        Section("event-study", "Event study (market reactions)", html_blocks=[_list(EVENT_STUDY)]),
        Section("claims", "Claims ledger", html_blocks=[_list(CLAIMS)]),
        Section("changes", "Change feed and exports", html_blocks=[_list(CHANGES)]),
        Section("sources", "Sources and licences", html_blocks=[_sources_table(con)]),
        Section("caveats", "Caveats", html_blocks=[_list(CAVEATS)]),
    ]
