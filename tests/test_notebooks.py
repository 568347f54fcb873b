"""Every notebooks/*.ipynb runs top to bottom against the replay warehouse, and the committed
notebooks carry no outputs and no execution counts (so diffs stay readable and nothing stale ships)."""

from __future__ import annotations

import json
import sys

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from .conftest import PROJECT_ROOT

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
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "videorace", "language": "python"}))
        return KernelManager(kernel_name="videorace",
                             kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")]))


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
    client = NotebookClient(nb, km=_kernel_manager(tmp_path), timeout=240, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError naming the cell on the first error
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []
