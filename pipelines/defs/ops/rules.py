"""Business-rule ranges, one list for every table: a row outside its range is kept (raw stays
faithful to the source) but flagged by a WARN asset check that names the row and the rule.

A rule is a SQL condition over the columns of one relation. The same condition is evaluated on a
parser's output (`violations`), so a bad input can be shown to yield a flagged row with its reason.
Rules for tables that do not exist yet are kept here and attach once their asset exists.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

# ECB reference-rate currencies (eurofxref), current and recently discontinued (RUB, HRK, ...)
ECB_CURRENCIES = ("USD", "JPY", "BGN", "CYP", "CZK", "DKK", "EEK", "GBP", "HUF", "LTL", "LVL", "MTL", "PLN", "ROL",
                  "RON", "SEK", "SIT", "SKK", "CHF", "ISK", "NOK", "HRK", "RUB", "TRL", "TRY", "AUD", "BRL", "CAD",
                  "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD", "THB", "ZAR")
PRICE_CAP_USD_PER_S = 10.0  # the dearest video API in the sources is well under $1 per second
NOT_FUTURE = "TRY_CAST({col} AS DATE) <= current_date + 1"  # a day ahead for time zones


@dataclass(frozen=True)
class RangeRule:
    asset: str  # the asset (and table) the check attaches to
    relation: str  # schema.table
    name: str
    condition: str  # SQL; rows where it is false are out of range (NULL = unknown, not flagged)
    description: str
    source: str | None = None  # the parser whose output has these columns (raw tables only)


def _raw(source: str, family: str, name: str, condition: str, description: str) -> RangeRule:
    table = f"raw_{family}__{source}"
    return RangeRule(table, f"raw.{table}", name, condition, description, source)


RULES: tuple[RangeRule, ...] = (
    _raw("arena", "leaderboards", "score_in_range", "score BETWEEN 800 AND 2000",
         "arena scores sit between 800 and 2000"),
    _raw("arena", "leaderboards", "snapshot_date_not_in_future", NOT_FUTURE.format(col="snapshot_date"),
         "a board cannot be dated after today"),
    _raw("fred", "fx", "cny_per_usd_in_range", "cny_per_usd BETWEEN 5 AND 9",
         "CNY per USD stays within 5..9 (it has since 1994)"),
    _raw("fred", "fx", "date_not_in_future", NOT_FUTURE.format(col="date"), "no rate is dated after today"),
    _raw("ecb", "fx", "currency_known", f"currency IN {ECB_CURRENCIES!r}",
         "the currency is one the ECB publishes reference rates for"),
    _raw("ecb", "fx", "rate_in_range", "per_eur > 0 AND (currency <> 'CNY' OR per_eur BETWEEN 5 AND 11) "
         "AND (currency <> 'USD' OR per_eur BETWEEN 0.7 AND 1.7)",
         "rates are positive; CNY per EUR within 5..11 and USD per EUR within 0.7..1.7"),
    _raw("ecb", "fx", "date_not_in_future", NOT_FUTURE.format(col="date"), "no rate is dated after today"),
    _raw("yahoo", "stocks", "prices_positive", "least(open, high, low, close) > 0 AND greatest(open, high, low, close) < 1e6",
         "stock prices are positive and below 1,000,000"),
    _raw("yahoo", "stocks", "date_not_in_future", NOT_FUTURE.format(col="date"), "no bar is dated after today"),
    _raw("stock_csv", "stocks", "prices_positive", "least(open, high, low, close) > 0 AND greatest(open, high, low, close) < 1e6",
         "stock prices are positive and below 1,000,000"),
    _raw("stock_csv", "stocks", "date_not_in_future", NOT_FUTURE.format(col="date"), "no bar is dated after today"),
    _raw("gemini_pricing", "pricing", "price_in_range", f"price_usd > 0 AND price_usd < {PRICE_CAP_USD_PER_S}",
         f"a Veo price is above $0 and below ${PRICE_CAP_USD_PER_S:.0f} (per second)"),
    _raw("runway_pricing", "pricing", "price_in_range",
         f"price_usd_per_second > 0 AND price_usd_per_second_max < {PRICE_CAP_USD_PER_S}",
         f"a Runway price is above $0 and below ${PRICE_CAP_USD_PER_S:.0f} per second"),
    _raw("github_releases", "releases", "published_not_in_future", NOT_FUTURE.format(col="published_at"),
         "a release cannot be published after today"),
    _raw("hf_models", "openness", "created_not_in_future", NOT_FUTURE.format(col="created_at"),
         "a model cannot be created after today"),
    RangeRule("fct_fx_rates", "marts.fct_fx_rates", "rate_in_range", "rate BETWEEN 5 AND 9",
              "CNY per USD stays within 5..9, from either source"),
)


def rules_for_source(source: str) -> list[RangeRule]:
    return [rule for rule in RULES if rule.source == source]


def out_of_range(con: duckdb.DuckDBPyConnection, rule: RangeRule, relation: str | None = None,
                 limit: int = 20) -> tuple[int, list[str]]:
    """How many rows break the rule, and (up to `limit`) which, as 'row ...: rule' lines."""
    where = f"NOT ({rule.condition})"
    relation = relation or rule.relation
    count = con.execute(f"SELECT count(*) FROM {relation} WHERE {where}").fetchall()[0][0]
    columns = {r[0] for r in con.execute(f"DESCRIBE {relation}").fetchall()}
    ident = [c for c in ("snapshot_sha256", "record_index", "ticker", "currency", "model", "date", "snapshot_date")
             if c in columns]
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
