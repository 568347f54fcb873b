"""Imports run one way: scrapers <- pipelines -> warehouse SQL, and the dashboards read the
warehouse only. The pipeline may call the site builder (pipelines -> dashboards); nothing under
dashboards/ imports pipelines, and the scrapers import neither pipelines nor dashboards."""

from __future__ import annotations

import ast
from pathlib import Path

from pipelines.config import PROJECT_ROOT

FORBIDDEN = {
    "dashboards": ("pipelines",),
    "scrapers/videorace_scrapers": ("pipelines", "dashboards"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import in a module, lazy ones inside functions included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
        for line, module in imported_modules(path):
            if module.split(".")[0] in forbidden:
                bad.append(f"{path.relative_to(PROJECT_ROOT)}:{line} imports {module}")
    return bad


def test_dashboards_and_scrapers_never_import_upward():
    assert {folder: violations(folder, names) for folder, names in FORBIDDEN.items()} == {f: [] for f in FORBIDDEN}


def test_the_check_sees_lazy_imports(tmp_path):
    sample = tmp_path / "lazy.py"
    sample.write_text("def f():\n    from pipelines.sources import SOURCES\n    import dashboards.build\n")
    assert imported_modules(sample) == [(2, "pipelines.sources"), (3, "dashboards.build")]
