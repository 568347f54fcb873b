"""Every notebooks/*.ipynb runs top to bottom against the replay warehouse, and the committed
notebooks carry no outputs and no execution counts (so diffs stay readable and nothing stale ships)."""

from __future__ import annotations

import json
import re
import sys

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from tests.support import PROJECT_ROOT

NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ has no .ipynb file"


def _kernel_manager(tmp_path) -> KernelManager:
    """The venv's python3 kernel; without that spec, one made for the interpreter running the tests."""
    try:
        KernelSpecManager().get_kernel_spec("python3")
        return KernelManager(kernel_name="python3")
    except NoSuchKernel:
        spec = tmp_path / "kernels" / "videorace"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(
            json.dumps(
                {
                    "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                    "display_name": "videorace",
                    "language": "python",
                }
            )
        )
        return KernelManager(
            kernel_name="videorace", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebook_has_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {index} has outputs"
            assert cell.get("execution_count") is None, f"{path.name} cell {index} has an execution count"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_on_the_replay_warehouse(path, replay_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("VIDEORACE_WAREHOUSE", str(replay_warehouse / "videorace.duckdb"))
    monkeypatch.setenv("VIDEORACE_SITE_DIR", str(tmp_path / "site"))
    nb = nbformat.read(path, as_version=4)
    km = _kernel_manager(tmp_path)
    client = NotebookClient(
        nb,
        km=km,
        timeout=240,
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()  # raises CellExecutionError naming the cell on the first error
    finally:  # a kernel manager passed in is not the client's to stop: stop it here, or the kernel outlives the run
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []
    charts = [o for c in code for o in c.outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
    assert charts, f"{path.name} draws no Plotly chart"
    printed = "".join(o.get("text", "") for c in code for o in c.outputs if o.get("output_type") == "stream")
    for line in COMPUTED_LINES[path.name]:
        assert line in printed, f"{path.name} no longer prints {line!r}"


# Sentences the notebooks compute and print from the replay warehouse (the figures they quote), checked
# against the committed recordings and seeds: a notebook that stops computing them fails here.
COMPUTED_LINES = {
    "01_quality_race.ipynb": [
        "veo-3.1-audio-1080p (Google DeepMind (Veo), US): #1 from 2026-03-19 to 2026-04-07, 20 sampled days",
        "dreamina-seedance-2.0-720p (ByteDance Seed (Seedance), CN): #1 from 2026-04-08 to 2026-05-31, "
        "14 sampled days, best score 1463",
        "gemini-omni-flash (Google DeepMind (Veo), US): #1 first seen 2026-06-29 (the sample before was 2026-05-31)",
        "arena.ai text-to-video, 2026-03-19 to 2026-10-10: of 44 sampled days, China led clearly on 14, "
        "the U.S. on 27, no clear lead on 3",
    ],
    "02_price_per_second.ipynb": ["720p_no_audio: CN median ", "all_resolutions: CN median ", "x the U.S. one"],
    "03_market_reaction.ipynb": [
        "Google Project Genie (Genie 3 prototype) roll-out: launched 2026-01-29, first session 2026-01-29, "
        "5 exposed listings",
        "pairs have no market model (too few estimation days since the price files start on 2025-01-02): "
        "wan_2_1 9988.HK (23 days)",
        "1 pairs are incomplete, not computed: kling_4_0 1024.HK: incomplete: no 1024.HK session on or after the "
        "event date (its data ends 2026-03-26)",
    ],
}


def test_every_notebook_has_its_expected_lines():
    assert set(COMPUTED_LINES) == {p.name for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_markdown_quotes_no_dates_or_figures_by_hand(path):
    """Dates and counts drift when the data moves: the prose leaves them to the cells that compute them."""
    nb = nbformat.read(path, as_version=4)
    typed = [
        m
        for c in nb.cells
        if c.cell_type == "markdown"
        for m in re.findall(
            r"\b(?:19|20)\d\d\b|\b\d+(?:\.\d+)?\s?%|\b(?:January|February|March|April|May|June|July|August|September|"
            r"October|November|December)\b",
            c.source,
        )
    ]
    assert typed == [], f"{path.name} types figures into its prose: {typed}"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_notebook_serves_jupyterlab_on_loopback_with_the_warehouse(tmp_path):
    """`make notebook` as an analyst runs it: JupyterLab answers on 127.0.0.1 and is given the warehouse."""
    import os
    import signal
    import subprocess
    import time
    import urllib.request

    port = _free_port()
    warehouse = tmp_path / "videorace.duckdb"
    dry = subprocess.run(
        ["make", "-n", "notebook", f"VIDEORACE_WAREHOUSE={warehouse}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        f'VIDEORACE_WAREHOUSE="{warehouse}" {PROJECT_ROOT}/.venv/bin/jupyter lab --ServerApp.ip=127.0.0.1' in dry.stdout
    )
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "VIDEORACE_WAREHOUSE": str(warehouse)}
    server = subprocess.Popen(
        ["make", "notebook", f"NOTEBOOK_PORT={port}", "NOTEBOOK_ARGS=--no-browser"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # its own process group, so teardown ends make and jupyter
    try:
        deadline, answer = time.monotonic() + 90, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as response:
                    answer = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.5)
        assert answer is not None, f"no JupyterLab on 127.0.0.1:{port} (exit {server.poll()})"
        assert answer["version"].split(".")[0] == "2"  # jupyter_server 2.x, as locked
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    log = server.stdout.read().decode(errors="replace") if server.stdout else ""
    assert "no warehouse at" in log  # the note that tells the analyst to run `make run` first
    assert f"http://127.0.0.1:{port}/lab" in log
