"""The one place that reads the environment. Resources are built from these settings."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from videorace_scrapers.registry import secret_env_vars

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RECORDINGS_DIR = PROJECT_ROOT / "scrapers" / "recordings"
SEEDS_DIR = PROJECT_ROOT / "warehouse" / "seeds"
SQL_DIR = PROJECT_ROOT / "warehouse"


@dataclass(frozen=True)
class Settings:
    mode: str = "replay"
    warehouse_path: Path = PROJECT_ROOT / "warehouse" / "videorace.duckdb"
    snapshot_dir: Path = PROJECT_ROOT / "var" / "snapshots"
    site_dir: Path = PROJECT_ROOT / "dashboards" / "site"
    recordings_dir: Path = RECORDINGS_DIR
    url_overrides: dict[str, str] = field(default_factory=dict)
    scrapy_overrides: dict[str, str] = field(default_factory=dict)
    secrets_present: frozenset[str] = frozenset()
    # a scheduled live run fetches at most this many days of a date-addressed source (pipelines/catchup.py)
    catchup_max_days: int = 60
    catchup_range_max_days: int = 730  # bound of a FRED/Yahoo catch-up range (pipelines/catchup.py)
    lock_wait_s: float = 30.0  # how long a command waits for another process's warehouse lock
    # `videorace refresh` records its run in DAGSTER_HOME (shown by `make dev`) only when asked:
    # Dagster's SQLite event log costs ~20 ms per event and a refresh writes ~1,200 (README, Speed)
    record_runs: bool = False

    def base_url(self, source: str, default: str) -> str:
        return self.url_overrides.get(source, default).rstrip("/")


# every credential a registry row names (sources.csv auth_env_vars): the only keys read, and redacted
SECRET_ENV_VARS = secret_env_vars()


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    mode = env.get("VIDEORACE_MODE", "replay").strip().lower()
    if mode not in ("replay", "live"):
        raise ValueError(f"VIDEORACE_MODE must be 'replay' or 'live', not {mode!r}")
    overrides, scrapy = {}, {}
    for key, value in env.items():
        if key.startswith("VIDEORACE_SCRAPY_") and value:
            # e.g. VIDEORACE_SCRAPY_DOWNLOAD_TIMEOUT=10 -> scrapy crawl -s DOWNLOAD_TIMEOUT=10
            scrapy[key.removeprefix("VIDEORACE_SCRAPY_")] = value
            continue
        match = re.fullmatch(r"VIDEORACE_([A-Z0-9_]+)_URL", key)
        if match and value:
            overrides[match.group(1).lower()] = value
    return Settings(
        mode=mode,
        warehouse_path=Path(env.get("VIDEORACE_WAREHOUSE", PROJECT_ROOT / "warehouse" / "videorace.duckdb")),
        snapshot_dir=Path(env.get("VIDEORACE_SNAPSHOT_DIR", PROJECT_ROOT / "var" / "snapshots")),
        site_dir=Path(env.get("VIDEORACE_SITE_DIR", PROJECT_ROOT / "dashboards" / "site")),
        recordings_dir=Path(env.get("VIDEORACE_RECORDINGS_DIR", RECORDINGS_DIR)),
        url_overrides=overrides,
        scrapy_overrides=scrapy,
        secrets_present=frozenset(name for name in SECRET_ENV_VARS if env.get(name)),
        catchup_max_days=_positive_int(env, "VIDEORACE_CATCHUP_MAX_DAYS", 60),
        catchup_range_max_days=_positive_int(env, "VIDEORACE_CATCHUP_RANGE_MAX_DAYS", 730),
        lock_wait_s=float(env.get("VIDEORACE_LOCK_WAIT_S") or 30),
        record_runs=env.get("VIDEORACE_RECORD_RUNS", "").strip().lower() in ("1", "true", "yes"),
    )


def _positive_int(env: dict[str, str], name: str, default: int) -> int:
    text = (env.get(name) or "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{name} must be a whole number of at least 1, not {text!r}")
    return int(text)


def secret(name: str) -> str | None:
    """A key from the environment (never from the repository)."""
    if name not in SECRET_ENV_VARS:
        raise KeyError(f"{name} is not a known secret")
    return os.environ.get(name) or None
