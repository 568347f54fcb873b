"""Dagster's own commands find the definitions from pyproject.toml with no flags, and `make dev` uses the
command Dagster 1.13 recommends (`dg dev`, not the superseded `dagster dev -m ...`)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.support import PROJECT_ROOT

BIN = Path(sys.executable).parent


def test_pyproject_points_dg_and_dagster_at_the_definitions():
    tool = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert tool["dg"]["directory_type"] == "project"
    assert tool["dg"]["project"]["code_location_target_module"] == "pipelines.definitions"
    assert tool["dagster"]["module_name"] == "pipelines.definitions"


def test_dg_check_defs_loads_the_definitions_with_no_flags(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "VIRTUAL_ENV": sys.prefix,
        "VIDEORACE_WAREHOUSE": str(tmp_path / "videorace.duckdb"),
    }
    result = subprocess.run(
        [str(BIN / "dg"), "check", "defs"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "All definitions loaded successfully." in output
    assert "Warning" not in output and "deprecat" not in output.lower() and "supersede" not in output.lower()


def test_make_dev_runs_dg_dev_on_loopback():
    dry = subprocess.run(["make", "-n", "dev"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert (
        f"VIRTUAL_ENV={PROJECT_ROOT}/.venv {PROJECT_ROOT}/.venv/bin/dg dev --host 127.0.0.1 --port 3000" in dry.stdout
    )
    assert "dagster dev" not in dry.stdout


def test_every_dagster_package_is_on_one_release_line():
    """dagster 1.13.N ships with dagster-* 1.13.N or 0.29.N (integrations); a mixed lock breaks `dg`."""
    lock = tomllib.loads((PROJECT_ROOT / "uv.lock").read_text(encoding="utf-8"))
    versions = {p["name"]: p["version"] for p in lock["package"] if p["name"].startswith("dagster")}
    core = versions["dagster"].split(".")
    patch = core[2]
    for name, version in versions.items():
        major_minor_patch = version.split(".")
        assert major_minor_patch[2] == patch and major_minor_patch[:2] in (core[:2], ["0", str(int(core[1]) + 16)]), (
            name,
            version,
        )
    assert {"dagster-dg-cli", "dagster-webserver", "dagster-duckdb"} <= set(versions)
