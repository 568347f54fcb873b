"""Outputs: the static dashboard site."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from dashboards.build import build_site

from ...resources import SitePaths
from ...warehouse import models_in
from ..bundle import definitions


@dg.asset(group_name="outputs", deps=models_in("out"), kinds={"html", "plotly"},
          tags={"layer": "output"},
          description="dashboards/site/index.html: the published dashboard, built from out_ tables only.")
def dashboard_site(duckdb: DuckDBResource, site: SitePaths) -> dg.MaterializeResult:
    with duckdb.get_connection() as con:
        result = build_site(con, site.site_dir)
    return dg.MaterializeResult(metadata={**result, "path": dg.MetadataValue.path(str(site.site_dir) + "/index.html")})


defs = definitions(dashboard_site)
