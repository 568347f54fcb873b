"""A parsed snapshot, cast to its raw table's own column types before it is loaded.

Casting each snapshot on its own (in Polars, strictly) is what lets one snapshot with a value that
does not fit (a score of 3,000,000,000 in an INTEGER column, a count of 2^63 in a BIGINT, a date
that is not a date) be refused alone while the others load in one batch insert.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import duckdb
import polars as pl

_SIMPLE = {
    "VARCHAR": pl.String(),
    "BOOLEAN": pl.Boolean(),
    "TINYINT": pl.Int8(),
    "SMALLINT": pl.Int16(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "HUGEINT": pl.Int128(),
    "UTINYINT": pl.UInt8(),
    "USMALLINT": pl.UInt16(),
    "UINTEGER": pl.UInt32(),
    "UBIGINT": pl.UInt64(),
    "FLOAT": pl.Float32(),
    "DOUBLE": pl.Float64(),
    "DATE": pl.Date(),
    "TIMESTAMP WITH TIME ZONE": pl.Datetime("us", "UTC"),
    "TIMESTAMP": pl.Datetime("us"),
}
_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")


def polars_type(duckdb_type: str) -> pl.DataType | None:
    """The Polars type whose Arrow form DuckDB stores without conversion; None: left to DuckDB."""
    if duckdb_type in _SIMPLE:
        return _SIMPLE[duckdb_type]
    match = _DECIMAL.fullmatch(duckdb_type)
    return pl.Decimal(int(match[1]), int(match[2])) if match else None


def table_schema(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> tuple[dict, set[str]]:
    """column -> (duckdb type, polars type), and the NOT NULL columns, of one table."""
    rows = con.execute(f'DESCRIBE "{schema}"."{table}"').fetchall()
    return ({r[0]: (r[1], polars_type(r[1])) for r in rows}, {r[0] for r in rows if r[2] == "NO"})


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 (a trailing Z allowed) as an aware UTC datetime; a naive one is taken as UTC."""
    value = datetime.fromisoformat(str(text).strip())
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _from_text(series: pl.Series, target: pl.DataType) -> pl.Series:
    """Dates and timestamps written as text, parsed value by value (few distinct values) with
    Python's ISO 8601 reader; a value it cannot read becomes NULL, which the caller reports."""
    parse = parse_timestamp if isinstance(target, pl.Datetime) else date.fromisoformat
    mapping = {}
    for value in series.drop_nulls().unique().to_list():
        try:
            parsed = parse(value)
        except ValueError:
            continue
        if isinstance(target, pl.Datetime) and target.time_zone is None:
            parsed = parsed.replace(tzinfo=None)
        mapping[value] = parsed
    return series.replace_strict(mapping, default=None, return_dtype=target)


def cast_column(series: pl.Series, target: pl.DataType | None) -> tuple[pl.Series, pl.Series | None]:
    """The column in the table's type, and a mask of the values that did not fit (None: all did)."""
    if target is None or series.dtype == target:
        return series, None
    if series.dtype == pl.String and isinstance(target, (pl.Datetime, pl.Date)):
        cast = _from_text(series, target)
    else:
        cast = series.cast(target, strict=False)
    bad = series.is_not_null() & cast.is_null()
    return cast, (bad if bad.any() else None)


def misfits(
    frame: pl.DataFrame,
    schema: dict,
    not_null: set[str],
    key: str = "snapshot_sha256",
) -> tuple[pl.DataFrame, dict[str, str]]:
    """Cast a batch of many snapshots' rows in one pass per column: the batch in the table's
    types, and for every snapshot with a value that does not fit (or a NULL in a NOT NULL
    column) the first such value, as the reason that snapshot is refused."""
    reasons: dict[str, str] = {}
    columns = []
    record = frame["record_index"] if "record_index" in frame.columns else pl.Series(range(frame.height))
    for name in frame.columns:
        duckdb_type, target = schema[name]
        cast, bad = cast_column(frame[name], target)
        if name in not_null:
            null = cast.is_null()
            bad = null if bad is None else (bad | null)
            bad = bad if bad.any() else None
        if bad is not None:
            text = frame[name].cast(pl.String, strict=False)
            rows = pl.DataFrame({"k": frame[key], "i": record, "v": text}).filter(bad)
            for k, i, v in rows.unique("k", keep="first", maintain_order=True).iter_rows():
                what = f"value {str(v)[:80]!r}" if v is not None else "NULL"
                reasons.setdefault(
                    k,
                    f"column {name}: {what} (record {i}) does not fit {duckdb_type}"
                    + (" NOT NULL" if v is None else ""),
                )
        columns.append(cast)
    return pl.DataFrame(columns), reasons


def conform(frame: pl.DataFrame, schema: dict, not_null: set[str]) -> pl.DataFrame:
    """`frame` (one snapshot) with every column cast to the table's type; raises ValueError naming
    the first column, value and record that does not fit, an unknown column, or a missing
    NOT NULL column."""
    check_columns(frame.columns, frame.height, schema, not_null)
    key = pl.Series("__snapshot", [0] * frame.height)
    cast, reasons = misfits(
        frame.with_columns(key), {**schema, "__snapshot": ("INTEGER", None)}, not_null, key="__snapshot"
    )
    if reasons:
        raise ValueError(next(iter(reasons.values())))
    return cast.drop("__snapshot")


def check_columns(columns: list[str], rows: int, schema: dict, not_null: set[str]) -> None:
    """A snapshot's columns (and its number of rows) against the raw table's."""
    unknown = [c for c in columns if c not in schema]
    if unknown:
        raise ValueError(f"columns not in the raw table: {', '.join(unknown)}")
    missing = sorted(c for c in not_null if c not in columns)
    if missing and rows:
        raise ValueError(f"no value for NOT NULL columns: {', '.join(missing)}")
