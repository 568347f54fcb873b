"""Dashboard sections, one module per question. Each module defines ORDER (position on the page)
and ``build(con) -> Section``; build.py discovers them, so sections are added without touching it."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def section_modules() -> list[ModuleType]:
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            if hasattr(module, "build") and hasattr(module, "ORDER"):
                modules.append(module)
    return sorted(modules, key=lambda m: m.ORDER)
