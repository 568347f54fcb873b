"""Curated seed files (CSV with a citation per row) loaded as raw tables.

Raw is faithful: every column as text, exactly as in the file, plus curated_file, curated_row
(1-based data row; the file line is curated_row + 1) and the file's sha256. A file whose hash is
already loaded is not read again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from videorace_scrapers.snapshots import Snapshot, display_path, sha256_hex

from .config import SEEDS_DIR
from .snapshot_ledger import register_snapshots
from .warehouse import ensure_base_tables, transaction

CURATED_DIR = SEEDS_DIR / "curated"

# name -> (file, the columns the file must have: schema drift fails loudly)
CURATED_FILES: dict[str, tuple[Path, tuple[str, ...]]] = {
    "labs": (
        CURATED_DIR / "labs.csv",
        (
            "lab_id",
            "lab_name",
            "country_code",
            "arena_vendor_aliases",
            "country_basis",
            "source_url",
            "source_kind",
            "country_source_basis",
        ),
    ),
    "releases": (
        CURATED_DIR / "releases.csv",
        ("lab", "model", "version", "release_date", "release_type", "source_url"),
    ),
    "pricing": (CURATED_DIR / "pricing.csv", ("provider", "model", "price", "currency", "unit", "as_of", "source_url")),
    "arena_history": (
        CURATED_DIR / "arena_history.csv",
        ("board", "snapshot_date", "rank", "model", "vendor", "score", "ci_low", "ci_high", "source_url"),
    ),
    "aa_history": (
        CURATED_DIR / "aa_history.csv",
        ("board", "snapshot_date", "rank", "model", "creator", "elo", "source_url"),
    ),
    "claims": (CURATED_DIR / "claims.csv", ("claim_id", "claim_text", "metric", "evidence_source_url")),
    "leaderboard_reported": (
        CURATED_DIR / "leaderboard_reported.csv",
        ("leaderboard", "snapshot_date", "model", "source_url"),
    ),
    "market_moves_reported": (
        CURATED_DIR / "market_moves_reported.csv",
        ("event_date", "ticker", "reported_move_pct", "source_url"),
    ),
    "patents_reported": (
        CURATED_DIR / "patents_reported.csv",
        ("scope", "country_code", "period", "count", "source_url"),
    ),
    "git_facts": (
        CURATED_DIR / "open_weights_git_facts.csv",
        ("repo", "lab", "kind", "name", "date", "commit", "evidence"),
    ),
    "release_candidates": (
        CURATED_DIR / "releases_2026-09_to_12_candidates.csv",
        ("model", "lab", "country", "date", "date_precision", "date_kind", "open_weights", "url"),
    ),
    "model_families": (
        SEEDS_DIR / "model_families.csv",
        ("priority", "pattern", "family", "lab_id", "is_open_weights", "source_url", "basis"),
    ),
    "labs_supplement": (SEEDS_DIR / "labs_supplement.csv", ("lab_id", "lab_name", "country_code", "source_url")),
    "events": (
        SEEDS_DIR / "events.csv",
        ("event_id", "event_date", "releases_row", "ticker", "exposure", "source_url"),
    ),
    "earnings_days": (SEEDS_DIR / "earnings_days.csv", ("ticker", "announcement_date", "timing", "source_url")),
    "litellm_price_history": (
        CURATED_DIR / "litellm_video_prices_by_version.csv",
        ("litellm_version", "wheel_upload_time_utc", "key", "litellm_provider", "source", "source_url"),
    ),
    "litellm_providers": (
        SEEDS_DIR / "litellm_providers.csv",
        ("litellm_provider", "vendor_name", "vendor_kind", "vendor_lab_id", "source_url"),
    ),
    "release_repos": (SEEDS_DIR / "release_repos.csv", ("platform", "owner", "repo", "lab_id", "model", "source_url")),
    "unit_prices": (
        SEEDS_DIR / "unit_prices.csv",
        ("provider", "unit", "usd_per_unit", "as_of", "source_url", "basis"),
    ),
    "listings": (SEEDS_DIR / "listings.csv", ("ticker", "yahoo_symbol", "exchange", "currency", "source_url", "basis")),
    "openrouter_open_weights": (
        SEEDS_DIR / "openrouter_open_weights.csv",
        ("priority", "pattern", "is_open_weights", "source_url", "basis"),
    ),
    "openrouter_authors": (
        SEEDS_DIR / "openrouter_authors.csv",
        ("author", "lab_id", "country_code", "source_url", "basis"),
    ),
    "stock_csv_series": (
        SEEDS_DIR / "stock_csv_series.csv",
        ("repository", "adjustment", "preference_rank", "basis", "source_url"),
    ),
    # the source registry and the lists its sources iterate (videorace_scrapers/registry.py reads the
    # same files; the site reads them as marts.dim_sources)
    "sources": (
        SEEDS_DIR / "sources.csv",
        ("name", "family", "title", "live_url", "alt_url", "data_format", "cadence", "terms", "auth", "auth_env_vars"),
    ),
    "cadences": (SEEDS_DIR / "cadences.csv", ("cadence", "cron_utc", "max_age_days", "basis")),
    "source_boards": (
        SEEDS_DIR / "source_boards.csv",
        ("source", "source_board", "board", "board_order", "request_value", "fetched", "basis"),
    ),
    "source_tickers": (SEEDS_DIR / "source_tickers.csv", ("source", "ticker", "path", "basis")),
    "source_repos": (SEEDS_DIR / "source_repos.csv", ("source", "repo", "basis")),
}


class CuratedSchemaError(ValueError):
    pass


def unit_price_usd(provider: str, unit: str) -> float:
    """The cited USD value of one provider unit (e.g. a Runway credit) from unit_prices.csv: the
    one place that number lives (parsers get it as an option, SQL reads the seed table)."""
    path = CURATED_FILES["unit_prices"][0]
    rows = pl.read_csv(path, infer_schema=False).filter((pl.col("provider") == provider) & (pl.col("unit") == unit))
    if rows.height != 1:
        raise CuratedSchemaError(f"{display_path(path)}: expected one row for {provider} {unit}, found {rows.height}")
    return float(rows["usd_per_unit"][0])


def loaded_curated(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, int]]:
    """table -> (sha256 of the file it was loaded from, rows), for every curated table there is, in
    one statement (the seeds step asks for all of them at once)."""
    tables = [
        r[0]
        for r in con.execute("""SELECT table_name FROM information_schema.tables
                                WHERE table_schema = 'raw' AND table_name LIKE 'raw\\_curated\\_\\_%' ESCAPE '\\'
                                ORDER BY 1""").fetchall()
    ]
    if not tables:
        return {}
    query = " UNION ALL ".join(f"SELECT '{t}', any_value(snapshot_sha256), count(*) FROM raw.{t}" for t in tables)
    return {t: (sha, rows) for t, sha, rows in con.execute(query).fetchall()}


def load_curated(con: duckdb.DuckDBPyConnection, name: str, loaded: dict[str, tuple[str, int]] | None = None) -> dict:
    """Load one seed file into raw.raw_curated__<name> unless that table holds these very bytes.
    `loaded`: loaded_curated(con), when the caller loads several (the base tables then exist)."""
    path, required = CURATED_FILES[name]
    table = f"raw_curated__{name}"
    body = path.read_bytes()
    digest = sha256_hex(body)
    if loaded is None:
        ensure_base_tables(con)
        loaded = loaded_curated(con)
    if table in loaded and loaded[table][0] == digest:
        return {"status": "unchanged", "rows": loaded[table][1]}
    frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CuratedSchemaError(f"curated {display_path(path)} (sha256 {digest[:12]}): missing columns {missing}")
    if frame.height == 0:
        raise CuratedSchemaError(f"curated {display_path(path)} (sha256 {digest[:12]}): no rows")
    frame = frame.with_row_index("curated_row", offset=1).with_columns(
        pl.col("curated_row").cast(pl.Int32),
        pl.lit(display_path(path)).alias("curated_file"),
        pl.lit(digest).alias("snapshot_sha256"),
    )
    snapshot = Snapshot(
        sha256=digest,
        source=f"curated_{name}",
        url=display_path(path),
        fetched_at=datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds"),
        mode="curated",
        path=display_path(path),
        bytes=len(body),
    )
    with transaction(con):
        register_snapshots(con, [snapshot])
        con.register("incoming_curated", frame.to_arrow())
        try:
            con.execute(f"CREATE OR REPLACE TABLE raw.{table} AS SELECT * FROM incoming_curated")
        finally:
            con.unregister("incoming_curated")
    return {"status": "ok", "rows": frame.height}
