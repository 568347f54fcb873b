"""Outputs: the change feed (marts.fct_changes) and the static dashboard site (index.html,
methodology.html, changes.atom, one CSV per chart). Exports are the `videorace export` command."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dashboards.build import build_site

from ...resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG, SitePaths
from ..bundle import definitions, family
from ..checks import GateClosed, key_checks, require_open_gate
from ..sql_assets import table_key, upstream_keys
from .changes import change_queries, record_changes
from .site_inputs import FULL_DATA_LAYERS, section_tables

# fct_changes runs after every table a change query reads
CHANGES_UPSTREAM = upstream_keys(*change_queries().values())


def site_upstream(other: dg.Definitions) -> list[dg.AssetKey]:
    """The site's inputs: the tables its sections read (site_inputs.SITE_SECTIONS) and, for the
    full-data download, every asset of the published layers (by its `layer` tag)."""
    sections = [table_key(*table.split(".")) for table in section_tables()]
    published = [
        spec.key
        for asset in (other.assets or [])
        if isinstance(asset, dg.AssetsDefinition)
        for spec in asset.specs
        if spec.tags.get("layer") in FULL_DATA_LAYERS
    ]
    return sorted(set(sections) | set(published), key=lambda k: k.to_user_string())


def _changes_preview(con) -> str:
    rows = con.execute("""SELECT change_date, kind, subject, old_value, new_value FROM marts.fct_changes
                          ORDER BY change_date DESC, kind, subject LIMIT 10""").fetchall()
    head = "| date | kind | subject | old | new |\n|---|---|---|---|---|\n"
    return head + "".join(
        "| " + " | ".join(str(v if v is not None else "∅").replace("|", "\\|")[:60] for v in row) + " |\n"
        for row in rows
    )


@dg.asset(
    deps=CHANGES_UPSTREAM,
    pool=WAREHOUSE_WRITER_POOL,
    op_tags=WAREHOUSE_WRITER_TAG,
    kinds={"duckdb", "sql"},
    tags={"layer": "marts"},
    description="marts.fct_changes: every change found in the data (a new #1 on an arena board, a price "
    "change above 10%, a new release, a new claim verdict), one query per kind in "
    "warehouse/queries/changes_*.sql, each with the refresh that first recorded it; "
    "marts.change_refreshes logs every refresh. Kinds whose tables are absent are skipped.",
)
def fct_changes(duckdb: DuckDBResource) -> dg.MaterializeResult:
    with duckdb.get_connection() as con:
        result = record_changes(con)
        preview = _changes_preview(con)
    meta = {f"changes_{kind}": dg.MetadataValue.int(n) for kind, n in result["per_kind"].items()}
    meta.update(
        {
            "row_count": dg.MetadataValue.int(result["total"]),
            "new_this_refresh": dg.MetadataValue.int(result["new_this_refresh"]),
            "previous_refresh": dg.MetadataValue.text(str(result["previous_refreshed_at"] or "none (first refresh)")),
            "kinds_skipped": dg.MetadataValue.text(
                "; ".join(f"{k}: {v}" for k, v in result["skipped"].items()) or "none"
            ),
            "preview": dg.MetadataValue.md(preview),
        }
    )
    return dg.MaterializeResult(metadata=meta)


def site_asset(other: dg.Definitions) -> dg.AssetsDefinition:
    """The dashboard site, after every input of `other` (all the other families) it reads."""

    @dg.asset(
        deps=[*site_upstream(other), fct_changes],
        pool=WAREHOUSE_WRITER_POOL,
        op_tags=WAREHOUSE_WRITER_TAG,
        kinds={"html", "plotly"},
        tags={"layer": "output"},
        description="dashboards/site/: index.html (overview, one section per question, what changed), "
        "methodology.html, changes.atom and one CSV per chart, built from marts and out_ tables.",
    )
    def dashboard_site(
        context: dg.AssetExecutionContext, duckdb: DuckDBResource, site: SitePaths
    ) -> dg.MaterializeResult:
        with duckdb.get_connection() as con:
            try:
                require_open_gate(con)  # a failed ERROR check: keep the published site (defs/checks.py)
            except GateClosed as exc:
                closed = str(exc)
            else:
                closed, result = None, build_site(con, site.site_dir)
        if closed:  # raised outside the `with`: the resource closes its connection only on a clean exit
            context.log.error(f"videorace: {closed}")
            raise dg.Failure(description=closed)
        return dg.MaterializeResult(
            metadata={**result, "path": dg.MetadataValue.path(str(site.site_dir) + "/index.html")}
        )

    return dashboard_site


def build_defs(other: dg.Definitions) -> dg.Definitions:
    """The outputs family, given the other families' definitions (the site's full-data inputs)."""
    return definitions(
        family(
            __name__, fct_changes, *key_checks("fct_changes", "marts.fct_changes", ("change_id",)), site_asset(other)
        )
    )
