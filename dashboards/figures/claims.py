"""Q7 claims ledger: the newest verdict of every press claim (an escaped HTML table with its value,
reason and evidence links) and a chart of how many claims hold."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, esc, safe_href
from ..chart_html import source_label
from ..theme import base_layout

VERDICT_ORDER = ("supported", "partly", "refuted", "insufficient data")
VERDICT_COLORS = {"supported": "#2e7d32", "partly": "#f9a825", "refuted": "#c62828", "insufficient data": "#9e9e9e"}


def latest_verdicts(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.sql("""
        SELECT v.*, p.verdict AS previous_verdict, p.refresh_date AS previous_refresh_date
        FROM marts.fct_claim_verdicts AS v
        LEFT JOIN marts.fct_claim_verdicts AS p
          ON p.claim_id = v.claim_id
         AND p.refresh_date = (SELECT max(refresh_date) FROM marts.fct_claim_verdicts AS q
                               WHERE q.claim_id = v.claim_id AND q.refresh_date < v.refresh_date)
        WHERE v.refresh_date = (SELECT max(refresh_date) FROM marts.fct_claim_verdicts)
        ORDER BY v.curated_row""").pl()


def _links(cell: str | None) -> str:
    """Evidence as short linked source names (the domain or repository); the full URL is the link's
    title and is in the CSV. Several files of one source read as one name with a count."""
    first: dict[str, list[str]] = {}
    for url in (u.strip() for u in (cell or "").split(" ; ")):
        if url:
            first.setdefault(source_label(url) if safe_href(url) else url, []).append(url)
    parts = []
    for label, urls in first.items():
        href = safe_href(urls[0])
        count = f" ({len(urls)} files)" if len(urls) > 1 else ""
        parts.append(f'<a href="{esc(href)}" title="{esc(href)}">{esc(label)}</a>{count}' if href else esc(label))
    return " · ".join(parts) or "none"


def claims_table_html(rows: pl.DataFrame) -> str:
    """Every text in the table is curated or computed from scraped data: all of it is escaped."""
    # min-widths keep the short columns readable beside long computed values (table-layout: auto
    # with overflow-wrap: anywhere would otherwise squeeze them to a few letters); phones hide thead
    widths = (("claim", 9), ("verdict (data through)", 7), ("value computed from the warehouse", 15), ("why", 11))
    head = (
        "<tr>"
        + "".join(f'<th style="min-width:{w}em">{esc(name)}</th>' for name, w in widths)
        + "<th>evidence: warehouse rows and their sources</th><th>evidence: curated links</th></tr>\n"
    )
    body = []
    for r in rows.iter_rows(named=True):
        changed = (
            f'<br><span class="meta">was {esc(r["previous_verdict"])} on {esc(r["previous_refresh_date"])}</span>'
            if r["previous_verdict"] and r["previous_verdict"] != r["verdict"]
            else ""
        )
        body.append(
            f'<tr id="claim-{esc(r["claim_id"])}"><td data-label="claim"><b>{esc(r["claim_id"])}</b> '
            f'{esc(r["claim_text"])}<br><span class="meta">article: {esc(r["value_in_article"])}</span></td>'
            f'<td data-label="verdict" style="color:{VERDICT_COLORS.get(r["verdict"], "#333")}">'
            f"<b>{esc(r['verdict'])}</b>{changed}"
            f'<br><span class="meta">data through {esc(r.get("data_through") or "unknown")}</span></td>'
            f'<td data-label="value">{esc(r["value"] or "—")}</td><td data-label="why">{esc(r["reason"])}</td>'
            f'<td data-label="warehouse evidence">{esc(r["warehouse_evidence"] or "—")}<br>'
            f"{_links(r['warehouse_source_urls'])}</td>"
            f'<td data-label="curated evidence">{_links(r["curated_evidence_urls"])}</td></tr>\n'
        )
    day = rows["refresh_date"].max() if rows.height else None
    return (
        f'<section class="panel" id="claims-ledger"><h3>Claims ledger, recomputed on {esc(day)}</h3>\n'
        f'<table class="prose">\n<thead>{head}</thead>\n<tbody>\n{"".join(body)}</tbody></table>\n'
        '<p class="meta">Each verdict comes from a written rule over the warehouse, one per claim; every '
        "verdict of every refresh, with the full evidence URLs, is in "
        '<a href="data/tables/marts.fct_claim_verdicts.csv" download>the claim verdicts (CSV)</a>.</p>'
        "</section>\n"
    )


def newest_fetched_day(con: duckdb.DuckDBPyConnection) -> str | None:
    """The rules read the whole warehouse: its data is as new as the newest fetched or recorded
    snapshot (curated seeds carry their file time, not a data date, so they are left out)."""
    rows = con.execute("""SELECT strftime(max(fetched_at) AT TIME ZONE 'UTC', '%Y-%m-%d') FROM raw.snapshots
                          WHERE mode <> 'curated'""").fetchall()
    return rows[0][0] if rows else None


def verdict_chart(rows: pl.DataFrame, data_as_of: str | None) -> Chart:
    counts = {v: rows.filter(pl.col("verdict") == v).height for v in VERDICT_ORDER}
    fig = go.Figure(
        go.Bar(
            x=list(counts),
            y=list(counts.values()),
            marker_color=[VERDICT_COLORS[v] for v in counts],
            text=[str(n) for n in counts.values()],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y} claims<extra></extra>",
        )
    )
    base_layout(fig, "claims", height=320, showlegend=False)
    day = rows["refresh_date"].max()
    title = (
        f"Of {rows.height} press claims, {counts['supported']} are supported, {counts['partly']} partly, "
        f"{counts['refuted']} refuted and {counts['insufficient data']} cannot be tested with the data held "
        f"(refresh {day})"
    )
    urls = set()
    for cell in rows["warehouse_source_urls"].drop_nulls().to_list():
        urls.update(u.strip() for u in cell.split(" ; ") if u.strip())
    return Chart(
        slug="claims-verdicts",
        title=title,
        figure=fig,
        data=rows.select(
            "claim_id",
            "refresh_date",
            "verdict",
            *(["data_through"] if "data_through" in rows.columns else []),
            "value",
            "reason",
            "warehouse_evidence",
            "warehouse_source_urls",
            "curated_evidence_urls",
            "rule_file",
            "curated_file",
            "curated_row",
        ),
        sources=sorted(urls),
        as_of=data_as_of or str(day),
        note=f"Verdicts recomputed on {day} from the warehouse as it stood then; each claim's evidence runs to "
        "its own data-through date (in the ledger and the CSV), the newest date of the rows its rule read.",
        terms=("verdict",),
    )
