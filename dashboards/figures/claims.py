"""Q7 claims ledger: the newest verdict of every press claim (an escaped HTML table with its value,
reason and evidence links) and a chart of how many claims hold."""

from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ..chart import Chart, esc, safe_href
from ..theme import FONT, TEMPLATE

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
    parts = []
    for url in (u.strip() for u in (cell or "").split(" ; ")):
        if not url:
            continue
        href = safe_href(url)
        parts.append(f'<a href="{esc(href)}">{esc(url)}</a>' if href else esc(url))
    return "<br>".join(parts) or "none"


def claims_table_html(rows: pl.DataFrame) -> str:
    """Every text in the table is curated or computed from scraped data: all of it is escaped."""
    head = ("<tr><th>claim</th><th>verdict</th><th>value computed from the warehouse</th><th>why</th>"
            "<th>evidence: warehouse rows and their sources</th><th>evidence: curated links</th></tr>\n")
    body = []
    for r in rows.iter_rows(named=True):
        changed = (f'<br><span class="meta">was {esc(r["previous_verdict"])} on {esc(r["previous_refresh_date"])}</span>'
                   if r["previous_verdict"] and r["previous_verdict"] != r["verdict"] else "")
        body.append(
            f'<tr id="claim-{esc(r["claim_id"])}"><td><b>{esc(r["claim_id"])}</b> {esc(r["claim_text"])}'
            f'<br><span class="meta">article: {esc(r["value_in_article"])}</span></td>'
            f'<td style="color:{VERDICT_COLORS.get(r["verdict"], "#333")}"><b>{esc(r["verdict"])}</b>{changed}</td>'
            f'<td>{esc(r["value"] or "—")}</td><td>{esc(r["reason"])}</td>'
            f'<td>{esc(r["warehouse_evidence"] or "—")}<br>{_links(r["warehouse_source_urls"])}</td>'
            f'<td>{_links(r["curated_evidence_urls"])}</td></tr>\n')
    day = rows["refresh_date"].max() if rows.height else None
    return (f'<section class="chart" id="claims-ledger"><h3>Claims ledger, recomputed on {esc(day)}</h3>\n'
            f"<table>\n{head}{''.join(body)}</table>\n"
            '<p class="meta">Each verdict comes from a rule in warehouse/claims/&lt;claim&gt;.sql over the marts; '
            "the full history per refresh day is in marts.fct_claim_verdicts.</p></section>\n")


def newest_fetched_day(con: duckdb.DuckDBPyConnection) -> str | None:
    """The rules read the whole warehouse: its data is as new as the newest fetched or recorded
    snapshot (curated seeds carry their file time, not a data date, so they are left out)."""
    rows = con.execute("""SELECT strftime(max(fetched_at) AT TIME ZONE 'UTC', '%Y-%m-%d') FROM raw.snapshots
                          WHERE mode <> 'curated'""").fetchall()
    return rows[0][0] if rows else None


def verdict_chart(rows: pl.DataFrame, data_as_of: str | None) -> Chart:
    counts = {v: rows.filter(pl.col("verdict") == v).height for v in VERDICT_ORDER}
    fig = go.Figure(go.Bar(x=list(counts), y=list(counts.values()),
                           marker_color=[VERDICT_COLORS[v] for v in counts],
                           text=[str(n) for n in counts.values()], textposition="outside",
                           hovertemplate="%{x}: %{y} claims<extra></extra>"))
    fig.update_layout(template=TEMPLATE, font={"family": FONT}, height=320, margin={"l": 60, "r": 20, "t": 20, "b": 50},
                      yaxis_title="claims", showlegend=False)
    day = rows["refresh_date"].max()
    title = (f"Of {rows.height} press claims, {counts['supported']} are supported, {counts['partly']} partly, "
             f"{counts['refuted']} refuted and {counts['insufficient data']} cannot be tested with the data held "
             f"(refresh {day})")
    urls = set()
    for cell in rows["warehouse_source_urls"].drop_nulls().to_list():
        urls.update(u.strip() for u in cell.split(" ; ") if u.strip())
    return Chart(slug="claims-verdicts", title=title, figure=fig,
                 data=rows.select("claim_id", "refresh_date", "verdict", "value", "reason", "warehouse_evidence",
                                  "warehouse_source_urls", "curated_evidence_urls", "rule_file", "curated_file",
                                  "curated_row"),
                 sources=sorted(urls), as_of=data_as_of or str(day),
                 note=f"Verdicts recomputed on {day} from the warehouse as it stood then.")
