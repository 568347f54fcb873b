"""Folders = groups = families: every asset's Dagster group is the pipelines/defs/<family>/ folder
that declares it, and no family package imports another's internals (so there are no cycles)."""

from __future__ import annotations

import ast
from pathlib import Path

from pipelines.definitions import FAMILIES, QUESTIONS, defs

DEFS = Path(__file__).resolve().parents[2] / "pipelines" / "defs"
PACKAGES = sorted(p.name for p in DEFS.iterdir() if (p / "__init__.py").exists())


def imported_modules(path: Path, package: str) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved)."""
    here = ["pipelines", "defs", package] + ([] if path.name == "__init__.py" else [path.stem])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return names


def test_no_family_imports_another_family():
    for package in PACKAGES:
        for path in sorted((DEFS / package).glob("*.py")):
            others = {
                name.split(".")[2]
                for name in imported_modules(path, package)
                if name.startswith("pipelines.defs.") and name.split(".")[2] in PACKAGES
            } - {package}
            assert not others, f"pipelines/defs/{package}/{path.name} imports {sorted(others)}"


def test_every_package_is_named_in_the_definitions_and_is_a_group():
    named = {m.__name__.rsplit(".", 1)[-1] for m in (*FAMILIES, *QUESTIONS)} | {"ops", "outputs"}
    assert named == set(PACKAGES)
    graph = defs.resolve_asset_graph()
    groups = {graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert groups <= set(PACKAGES), sorted(groups - set(PACKAGES))
    assert groups == set(PACKAGES) - {"ops"}  # ops holds checks only


def test_every_asset_is_in_the_group_of_the_package_that_declares_it():
    graph = defs.resolve_asset_graph()
    for module in (*FAMILIES, *QUESTIONS):
        family = module.__name__.rsplit(".", 1)[-1]
        assert module.declared.name == family
        for key in module.declared.keys:
            assert graph.get(key).group_name == family, key
