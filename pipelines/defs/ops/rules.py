"""Business-rule ranges, one list for every raw table: a row outside its range is kept (raw stays
faithful to the source) but flagged by a WARN asset check that names the row and the rule.

Each rule says how bad a violation is: `impossible` (the value cannot be true: the same row is
held back from every mart by quarantine.py and sits in marts.fct_row_rejects with its reason) or
`suspicious` (plausible but unusual: kept everywhere, flagged, shown as a badge).

A rule is a SQL condition over the columns of one relation. The same condition is evaluated on a
parser's output (`violations`), so a bad input can be shown to yield a flagged row with its reason.
Rules for tables that do not exist yet are kept here and attach once their asset exists.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

# ECB reference-rate currencies (eurofxref), current and recently discontinued (RUB, HRK, ...)
ECB_CURRENCIES = (
    "USD",
    "JPY",
    "BGN",
    "CYP",
    "CZK",
    "DKK",
    "EEK",
    "GBP",
    "HUF",
    "LTL",
    "LVL",
    "MTL",
    "PLN",
    "ROL",
    "RON",
    "SEK",
    "SIT",
    "SKK",
    "CHF",
    "ISK",
    "NOK",
    "HRK",
    "RUB",
    "TRL",
    "TRY",
    "AUD",
    "BRL",
    "CAD",
    "CNY",
    "HKD",
    "IDR",
    "ILS",
    "INR",
    "KRW",
    "MXN",
    "MYR",
    "NZD",
    "PHP",
    "SGD",
    "THB",
    "ZAR",
)
PRICE_CAP_USD_PER_S = 10.0  # the dearest video API in the sources is well under $1 per second
NOT_FUTURE = "TRY_CAST({col} AS DATE) <= current_date + 1"  # a day ahead for time zones
NOT_BEFORE_2015 = "TRY_CAST({col} AS DATE) >= DATE '2015-01-01'"  # before any video model or arena
NAME_CAP_CHARS = 300  # as quarantine.NAME_CAP_CHARS: the longest real name is under 60 characters


@dataclass(frozen=True)
class RangeRule:
    asset: str  # the asset (and table) the check attaches to
    relation: str  # schema.table
    name: str
    condition: str  # SQL; rows where it is false are out of range (NULL = unknown, not flagged)
    description: str
    source: str | None = None  # the parser whose output has these columns (raw tables only)
    severity: str = "impossible"  # impossible (held back from the marts) | suspicious (flagged only)


def _raw(
    source: str, family: str, name: str, condition: str, description: str, severity: str = "impossible"
) -> RangeRule:
    table = f"raw_{family}__{source}"
    return RangeRule(table, f"raw.{table}", name, condition, description, source, severity)


def _dated(source: str, family: str, column: str, name: str, what: str) -> tuple[RangeRule, RangeRule]:
    """The two date rules every source date gets: not after tomorrow, not before 2015."""
    return (
        _raw(source, family, f"{name}_not_in_future", NOT_FUTURE.format(col=column), f"{what} after today"),
        _raw(source, family, f"{name}_not_before_2015", NOT_BEFORE_2015.format(col=column), f"{what} before 2015"),
    )


RULES: tuple[RangeRule, ...] = (
    _raw(
        "arena",
        "leaderboards",
        "score_in_range",
        "score BETWEEN 800 AND 2000",
        "arena scores sit between 800 and 2000",
        "suspicious",
    ),
    _raw(
        "arena",
        "leaderboards",
        "score_on_arena_scale",
        "score BETWEEN 100 AND 3000",
        "an arena score is on the Elo scale (100..3000)",
    ),
    *_dated("arena", "leaderboards", "snapshot_date", "snapshot_date", "a board cannot be dated"),
    _raw(
        "arena",
        "leaderboards",
        "model_length_capped",
        f"length(model) <= {NAME_CAP_CHARS}",
        f"a model name is at most {NAME_CAP_CHARS} characters",
    ),
    _raw(
        "fred",
        "fx",
        "cny_per_usd_in_range",
        "cny_per_usd BETWEEN 5 AND 9",
        "CNY per USD stays within 5..9 (it has since 1994)",
    ),
    *_dated("fred", "fx", "date", "date", "no rate is dated"),
    _raw(
        "ecb",
        "fx",
        "currency_known",
        f"currency IN {ECB_CURRENCIES!r}",
        "the currency is one the ECB publishes reference rates for",
        "suspicious",
    ),
    _raw(
        "ecb",
        "fx",
        "rate_in_range",
        "per_eur > 0 AND (currency <> 'CNY' OR per_eur BETWEEN 5 AND 11) "
        "AND (currency <> 'USD' OR per_eur BETWEEN 0.7 AND 1.7)",
        "rates are positive; CNY per EUR within 5..11 and USD per EUR within 0.7..1.7",
    ),
    *_dated("ecb", "fx", "date", "date", "no rate is dated"),
    _raw(
        "yahoo",
        "stocks",
        "prices_positive",
        "least(open, high, low, close) > 0 AND greatest(open, high, low, close) < 1e6",
        "stock prices are positive and below 1,000,000",
    ),
    *_dated("yahoo", "stocks", "date", "date", "no bar is dated"),
    _raw(
        "stock_csv",
        "stocks",
        "prices_positive",
        "least(open, high, low, close) > 0 AND greatest(open, high, low, close) < 1e6",
        "stock prices are positive and below 1,000,000",
    ),
    *_dated("stock_csv", "stocks", "date", "date", "no bar is dated"),
    _raw(
        "gemini_pricing",
        "pricing",
        "price_in_range",
        f"price_usd > 0 AND price_usd < {PRICE_CAP_USD_PER_S}",
        f"a Veo price is above $0 and below ${PRICE_CAP_USD_PER_S:.0f} (per second)",
        "suspicious",
    ),
    _raw(
        "runway_pricing",
        "pricing",
        "price_in_range",
        f"price_usd_per_second > 0 AND price_usd_per_second_max < {PRICE_CAP_USD_PER_S}",
        f"a Runway price is above $0 and below ${PRICE_CAP_USD_PER_S:.0f} per second",
        "suspicious",
    ),
    *_dated("github_releases", "releases", "published_at", "published", "a release cannot be published"),
    *_dated("hf_models", "openness", "created_at", "created", "a model cannot be created"),
    *_dated("openrouter", "releases", "created_date", "created", "a model cannot be listed as created"),
    RangeRule(
        "fct_fx_rates",
        "marts.fct_fx_rates",
        "rate_in_range",
        "rate BETWEEN 5 AND 9",
        "CNY per USD stays within 5..9, from either source",
    ),
)


def rules_for_source(source: str) -> list[RangeRule]:
    return [rule for rule in RULES if rule.source == source]


def out_of_range(
    con: duckdb.DuckDBPyConnection, rule: RangeRule, relation: str | None = None, limit: int = 20
) -> tuple[int, list[str]]:
    """How many rows break the rule, and (up to `limit`) which, as 'row ...: rule' lines."""
    where = f"NOT ({rule.condition})"
    relation = relation or rule.relation
    count = con.execute(f"SELECT count(*) FROM {relation} WHERE {where}").fetchall()[0][0]
    columns = {r[0] for r in con.execute(f"DESCRIBE {relation}").fetchall()}
    ident = [
        c
        for c in ("snapshot_sha256", "record_index", "ticker", "currency", "model", "date", "snapshot_date")
        if c in columns
    ]
    keys = " || ' ' || ".join(f"'{c}=' || coalesce(CAST({c} AS VARCHAR), 'NULL')" for c in ident) or "'row'"
    rows = con.execute(f"SELECT {keys} FROM {relation} WHERE {where} LIMIT {int(limit)}").fetchall()
    return count, [f"{r[0]}: breaks {rule.name} ({rule.description})" for r in rows]


def violations(source: str, records: list[dict]) -> list[str]:
    """The rule violations of one parser's output: each a row and its reason (for tests and triage)."""
    if not records:
        return []
    frame = pl.DataFrame(records, infer_schema_length=None).with_row_index("record_index")
    con = duckdb.connect()
    try:
        con.register("parsed", frame.to_arrow())
        found = []
        for rule in rules_for_source(source):
            found += out_of_range(con, rule, "parsed", limit=1000)[1]
        return found
    finally:
        con.close()
