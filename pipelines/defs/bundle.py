"""Turn a family's list of assets and checks into Definitions."""


import dagster as dg


def definitions(*objects) -> dg.Definitions:
    checks = [o for o in objects if isinstance(o, dg.AssetChecksDefinition)]
    assets = [o for o in objects if not isinstance(o, dg.AssetChecksDefinition)]
    return dg.Definitions(assets=assets, asset_checks=checks)
