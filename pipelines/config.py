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
    # "default": one process, SQLite under DAGSTER_HOME; "cluster": the multiprocess executor and a
    # DAGSTER_HOME whose dagster.yaml keeps runs on Postgres (deploy/dagster.yaml, deploy/README.md)
    profile: str = "default"
    workers: int = 4  # cluster profile: at most this many step processes at once
    # where snapshots are stored: a path, file://… or s3://bucket/prefix (fsspec; snapshots.py)
    snapshot_url: str = ""
    # the published read-only copy readers open (pipelines/publish.py); "" = none (a hosted warehouse)
    read_path: Path | None = None

    @property
    def snapshot_location(self) -> str:
        return self.snapshot_url or str(self.snapshot_dir)

    @property
    def reader_path(self) -> Path:
        """What readers open: the published copy once a refresh has published one, else the writer's
        file (a warehouse built before publishing existed, or a test's in-process run)."""
        if self.read_path is not None and self.read_path.exists():
            return self.read_path
        return self.warehouse_path

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
    profile = env.get("VIDEORACE_PROFILE", "default").strip().lower() or "default"
    if profile not in ("default", "cluster"):
        raise ValueError(f"VIDEORACE_PROFILE must be 'default' or 'cluster', not {profile!r}")
    warehouse = env.get("VIDEORACE_WAREHOUSE", str(PROJECT_ROOT / "warehouse" / "videorace.duckdb"))
    return Settings(
        mode=mode,
        warehouse_path=Path(warehouse),
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
        profile=profile,
        workers=_positive_int(env, "VIDEORACE_WORKERS", 4),
        snapshot_url=_snapshot_url(env),
        read_path=read_copy_path(warehouse, env.get("VIDEORACE_WAREHOUSE_READ")),
    )


def _snapshot_url(env: dict[str, str]) -> str:
    """VIDEORACE_SNAPSHOT_URL (s3://bucket/prefix, file:///…), or a URL given as VIDEORACE_SNAPSHOT_DIR."""
    url = (env.get("VIDEORACE_SNAPSHOT_URL") or "").strip()
    folder = (env.get("VIDEORACE_SNAPSHOT_DIR") or "").strip()
    return url or (folder if "://" in folder else "")


def read_copy_path(warehouse: str, override: str | None) -> Path | None:
    """`warehouse/videorace.duckdb` -> `warehouse/videorace.read.duckdb`, beside it (so os.replace
    is a rename on one file system). A hosted warehouse (`md:…`, MotherDuck) serves its readers
    itself: no copy."""
    if override is not None:
        return Path(override) if override.strip() else None
    if ":" in warehouse.split("/", 1)[0]:  # md:videorace, ducklake:…: a connection string, not a file
        return None
    path = Path(warehouse)
    return path.with_name(f"{path.stem}.read{path.suffix or '.duckdb'}")


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
