"""One package per family (assets, checks and source metadata for that family only), plus the
cross-family ones (marts, ops, outputs). Each package exposes `defs`; this finds them."""

import importlib
import pkgutil

import dagster as dg


def family_definitions(exclude: tuple[str, ...] = ()) -> dict[str, dg.Definitions]:
    """package name -> its Definitions, in name order (stable), leaving out `exclude`."""
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.ispkg and info.name not in exclude:
            module = importlib.import_module(f"{__name__}.{info.name}")
            if isinstance(getattr(module, "defs", None), dg.Definitions):
                found[info.name] = module.defs
    return found


def asset_keys(exclude: tuple[str, ...] = ()) -> set[dg.AssetKey]:
    """Every asset key the families define (for packages that attach to the others' assets)."""
    return {
        key
        for defs in family_definitions(exclude).values()
        for asset in (defs.assets or [])
        if isinstance(asset, dg.AssetsDefinition)
        for key in asset.keys
    }
