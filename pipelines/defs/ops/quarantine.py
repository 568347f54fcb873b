"""Impossible rows never reach a mart: after a mart or out table is built, the rows that break an
*impossible* rule move, with their reason, to marts.fct_row_rejects (one table for every mart).

Two kinds of rule, one list each:

- *impossible* (this module): a value that cannot be true — a price at or below zero, a CNY/USD
  rate outside 5..9, an arena score outside the Elo scale, a date before 2015 or after tomorrow, a
  name longer than any real name, a natural key that is not unique. The row is rejected in the same
  transaction that builds the table, so nothing downstream (out tables, the site, exports) sees it.
- *suspicious* (rules.RULES and the family `range_check`s): plausible but unusual (a score under 800,
  a price above $10/s). Kept and flagged by a WARN check, shown as a badge.

Raw tables stay faithful to the source (their rows are flagged, not deleted); the quarantine happens
where facts are built. Every DATE/TIMESTAMP column of every mart and out table gets a date rule by
construction (`date_rules`), so a new chart date cannot be forgotten. Rejects of one table are
replaced each time that table is rebuilt: the table shows what is held back from the current marts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

EARLIEST = "DATE '2015-01-01'"  # before any video-generation model, arena or price list
NOT_AFTER_TOMORROW = "current_date + 1"  # a day ahead for time zones
FORWARD_YEARS = 5  # end dates (valid_to, shutdown_date) may be announced ahead, not by decades
FORWARD_COLUMNS = ("valid_to", "shutdown_date", "quarter_end")  # quarter_end: the current quarter ends ahead
# written by the pipeline itself (now()), not by a source
BOOKKEEPING_COLUMNS = ("computed_at", "first_seen_at", "refreshed_at", "previous_refreshed_at", "loaded_at")
NAME_CAP_CHARS = 300  # the longest real model/lab/board name in the sources is under 60 characters
NAME_COLUMNS = (
    "model",
    "model_display",
    "model_family",
    "model_id",
    "vendor",
    "lab_name",
    "creator",
    "slug",
    "board",
    "license",
    "provider",
    "author",
    "ticker",
    "listing_name",
    "best_model",
    "number_one_model",
    "best_cn_model",
    "best_us_model",
    "top_model",
    "event_name",
    "version",
)
PRICE_CAP_USD_PER_S = 100.0  # ten times the "suspicious" cap; the dearest real quote is under $1/s
REJECTS = "marts.fct_row_rejects"


@dataclass(frozen=True)
class ImpossibleRule:
    relation: str  # schema.table
    name: str
    condition: str  # SQL over the table's columns; rows where it is FALSE are rejected (NULL = unknown, kept)
    reason: str


def _rule(relation: str, name: str, condition: str, reason: str) -> ImpossibleRule:
    return ImpossibleRule(relation, name, condition, reason)


VALUE_RULES: tuple[ImpossibleRule, ...] = (
    _rule(
        "marts.fct_fx_rates",
        "fx_rate_plausible",
        "rate BETWEEN 5 AND 9",
        "CNY per USD outside 5..9 (it has stayed inside since 1994)",
    ),
    _rule(
        "marts.fct_fx_rates",
        "ecb_rates_positive",
        "ecb_cny_per_eur > 0 AND ecb_usd_per_eur > 0",
        "an ECB reference rate at or below zero",
    ),
    _rule(
        "marts.fct_leaderboard_entries",
        "score_on_arena_scale",
        "score BETWEEN 100 AND 3000",
        "arena score outside the Elo scale (100..3000)",
    ),
    _rule("marts.fct_leaderboard_entries", "votes_not_negative", "votes >= 0", "a negative vote count"),
    _rule("marts.fct_leaderboard_entries", "rank_positive", "rank >= 1", "a rank below 1"),
    _rule(
        "marts.fct_leaderboard_entries_aa",
        "score_on_arena_scale",
        "score BETWEEN 100 AND 3000",
        "arena score outside the Elo scale (100..3000)",
    ),
    _rule(
        "marts.fct_price_observations",
        "price_positive",
        f"price_usd_per_s > 0 AND price_usd_per_s < {PRICE_CAP_USD_PER_S}",
        f"a price per second at or below $0 or above ${PRICE_CAP_USD_PER_S:.0f}",
    ),
    _rule(
        "marts.fct_price_observations",
        "native_price_positive",
        "price_native > 0 AND price_native_per_s > 0",
        "a native price at or below zero",
    ),
    _rule(
        "marts.fct_price_observations",
        "fx_rate_plausible",
        "fx_rate_cny_per_usd BETWEEN 5 AND 9",
        "converted at a CNY per USD rate outside 5..9",
    ),
    _rule(
        "marts.fct_stock_prices",
        "prices_positive",
        "least(open, high, low, close) > 0",
        "a stock price at or below zero",
    ),
    _rule("marts.fct_stock_prices", "volume_not_negative", "volume >= 0", "a negative volume"),
    _rule(
        "marts.fct_open_model_stats",
        "counts_not_negative",
        "downloads >= 0 AND likes >= 0",
        "a negative download or like count",
    ),
    _rule("marts.fct_patent_counts", "count_not_negative", "count >= 0", "a negative patent count"),
)


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str]:
    return {r[0]: r[1] for r in con.execute(f"DESCRIBE {relation}").fetchall()}


def date_rules(relation: str, columns: dict[str, str]) -> list[ImpossibleRule]:
    """One rule per DATE/TIMESTAMP column: not before 2015, not after tomorrow (end dates: 5 years)."""
    rules = []
    for column, kind in columns.items():
        if not kind.startswith(("DATE", "TIMESTAMP")) or column in BOOKKEEPING_COLUMNS:
            continue
        value = f'CAST("{column}" AS DATE)'
        if column in FORWARD_COLUMNS:
            rules.append(
                _rule(
                    relation,
                    f"{column}_in_range",
                    f"{value} BETWEEN {EARLIEST} AND current_date + INTERVAL {FORWARD_YEARS} YEAR",
                    f"{column} before 2015 or more than {FORWARD_YEARS} years ahead",
                )
            )
        else:
            rules.append(
                _rule(
                    relation,
                    f"{column}_in_range",
                    f"{value} BETWEEN {EARLIEST} AND {NOT_AFTER_TOMORROW}",
                    f"{column} before 2015-01-01 or after tomorrow",
                )
            )
    return rules


def length_rules(relation: str, columns: dict[str, str]) -> list[ImpossibleRule]:
    return [
        _rule(
            relation,
            f"{c}_length_capped",
            f'length("{c}") <= {NAME_CAP_CHARS}',
            f"{c} longer than {NAME_CAP_CHARS} characters",
        )
        for c, kind in columns.items()
        if c in NAME_COLUMNS and kind == "VARCHAR"
    ]


def rules_for(
    con: duckdb.DuckDBPyConnection, relation: str, columns: dict[str, str] | None = None
) -> list[ImpossibleRule]:
    columns = _columns(con, relation) if columns is None else columns
    value_rules = [r for r in VALUE_RULES if r.relation == relation and _referenced(r.condition) <= set(columns)]
    return [*value_rules, *date_rules(relation, columns), *length_rules(relation, columns)]


SQL_WORDS = {"and", "or", "not", "between", "least", "greatest", "null", "is"}


def _referenced(condition: str) -> set[str]:
    """The columns a value rule names (a rule for a column a table does not have is skipped rather
    than failing the build; the schema checks report a lost column)."""
    return {w for w in re.findall(r"\b[a-z_][a-z0-9_]*\b", condition) if w not in SQL_WORDS}


def ensure_rejects_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"""CREATE TABLE IF NOT EXISTS {REJECTS} (
        relation VARCHAR NOT NULL, rule VARCHAR NOT NULL, reason VARCHAR NOT NULL, row_json VARCHAR,
        source_url VARCHAR, snapshot_sha256 VARCHAR, curated_file VARCHAR, curated_row INTEGER,
        rejected_at TIMESTAMPTZ NOT NULL)""")


def quarantine(con: duckdb.DuckDBPyConnection, relation: str, keys: tuple[str, ...] = ()) -> int:
    """Move the impossible rows of `relation` to marts.fct_row_rejects; call inside the transaction
    that built it. Returns how many rows left the table."""
    if relation.endswith("_rejects"):  # a rejects table holds bad rows on purpose
        return 0
    ensure_rejects_table(con)
    con.execute(f"DELETE FROM {REJECTS} WHERE relation = ?", [relation])
    columns = _columns(con, relation)
    provenance = ", ".join(
        f"CAST({c} AS {t})" if c in columns else f"CAST(NULL AS {t})"
        for c, t in (
            ("source_url", "VARCHAR"),
            ("snapshot_sha256", "VARCHAR"),
            ("curated_file", "VARCHAR"),
            ("curated_row", "INTEGER"),
        )
    )
    # every rule's rejects in one INSERT and one DELETE (a statement per rule cost a round trip
    # and a scan each, on every mart of every refresh)
    verdicts = [
        (rule.name, f"{relation}: {rule.reason} ({rule.condition})", f"NOT ({rule.condition})")
        for rule in rules_for(con, relation, columns)
    ]
    if keys:
        key_list = ", ".join(f'"{k}"' for k in keys)
        duplicated = f"({key_list}) IN (SELECT {key_list} FROM {relation} GROUP BY ALL HAVING count(*) > 1)"
        reason = (
            f"{relation}: ({', '.join(keys)}) is not unique: every row of the key is held back, "
            "since which one is right is unknown"
        )
        verdicts.append(("keys_unique", reason, duplicated))
    if not verdicts:
        return 0
    selects = [
        f"""SELECT ?, ?, ?, left(CAST(to_json(t) AS VARCHAR), 2000), {provenance}, now()
            FROM {relation} AS t WHERE {where}"""
        for _, _, where in verdicts
    ]
    params = [value for name, reason, _ in verdicts for value in (relation, name, reason)]
    con.execute(f"INSERT INTO {REJECTS} " + " UNION ALL ".join(selects), params)
    deleted = con.execute(
        f"DELETE FROM {relation} WHERE " + " OR ".join(f"coalesce({where}, false)" for _, _, where in verdicts)
    ).fetchall()
    return deleted[0][0]


def rejected_counts(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], int]:
    rows = con.execute(f"SELECT relation, rule, count(*) FROM {REJECTS} GROUP BY ALL").fetchall()
    return {(r[0], r[1]): r[2] for r in rows}
