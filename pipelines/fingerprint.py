"""A replay refresh is a pure function of its inputs: the recordings, the seeds, the SQL and the
code. Their combined hash tells whether a replay refresh has anything to do at all."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from .config import PROJECT_ROOT

INPUT_GLOBS = (
    "scrapers/recordings/**/*",
    "warehouse/seeds/**/*.csv",
    "warehouse/**/*.sql",
    "pipelines/**/*.py",
    "scrapers/videorace_scrapers/**/*.py",
    "dashboards/**/*.py",
)


def input_fingerprint(root: Path = PROJECT_ROOT, recordings_dir: Path | None = None) -> str:
    """The date is an input too: claim verdicts and freshness are recorded once per day."""
    digest = hashlib.sha256(datetime.now(UTC).date().isoformat().encode())
    files: set[Path] = set()
    for pattern in INPUT_GLOBS:
        files.update(p for p in root.glob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    if recordings_dir is not None:
        files.update(p for p in Path(recordings_dir).glob("**/*") if p.is_file())
    for path in sorted(files):
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
