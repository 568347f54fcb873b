"""Pure parsers, one module per source. Each module defines SOURCE, DESCRIPTION, CLI_FIELDS and
``parse(body, *, where)``; this registry finds them so the CLI and the pipeline share one list."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from .base import ParseError

__all__ = ["ParseError", "registry", "get_parser"]


def registry() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "SOURCE") and hasattr(module, "parse"):
            found[module.SOURCE] = module
    return dict(sorted(found.items()))


def get_parser(source: str) -> ModuleType:
    parsers = registry()
    if source not in parsers:
        raise KeyError(f"unknown source {source!r}; known: {', '.join(parsers)}")
    return parsers[source]
