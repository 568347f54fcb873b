"""The overview at the top of index.html: the headline numbers, each computed from a mart or out_
table when that table exists (skipped otherwise), each linking to the chart it summarises and to
a CSV of the rows it was computed from (with their source URLs), so every number can be traced."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import polars as pl

from . import headlines_more, headlines_race
from .chart import esc, safe_href
from .chart_html import source_label
from .headline import Headline, has_columns, link_to
from .names import Names, plural
from .sources import board_order
from .theme import COUNTRY_COLORS, COUNTRY_LABELS


def arena_leaders(con: duckdb.DuckDBPyConnection, anchors: set[str]) -> list[Headline]:
    relation = "marts.fct_leaderboard_entries"
    if not has_columns(con, relation, "board", "snapshot_date", "rank", "model", "score", "country_code", "source_url"):
        return []
    top10 = con.sql(f"""
        WITH latest AS (SELECT board, max(snapshot_date) AS snapshot_date FROM {relation} GROUP BY board)
        SELECT board, snapshot_date, rank, model, vendor, country_code, score, score_ci_lower, score_ci_upper,
               source_url, snapshot_sha256, curated_file, curated_row
        FROM {relation} JOIN latest USING (board, snapshot_date)
        QUALIFY row_number() OVER (PARTITION BY board ORDER BY rank, score DESC, model) <= 10
        ORDER BY board, rank, score DESC, model""").pl()
    out = []
    names = Names(con)
    boards = top10["board"].unique().to_list()
    order = board_order(con)
    for board in sorted(boards, key=lambda b: (order.index(b) if b in order else 99, b)):
        rows = top10.filter(pl.col("board") == board)
        first = rows.row(0, named=True)
        counts = rows["country_code"].fill_null("unknown").value_counts()
        share = {r["country_code"]: 100 * r["count"] / rows.height for r in counts.iter_rows(named=True)}
        country = first["country_code"]
        out.append(
            Headline(
                key=f"arena-{board}",
                label=f"#1 on arena.ai {board}",
                value=names.model(first["model"]),
                detail=(
                    f"{COUNTRY_LABELS.get(country, 'Unknown country') if country in ('CN', 'US') else country or 'unknown'}"
                    f", score {first['score']} on {first['snapshot_date']}. Top 10 that day: China "
                    f"{share.get('CN', 0):.0f}%, U.S. {share.get('US', 0):.0f}%."
                ),
                rows=rows,
                as_of=str(first["snapshot_date"]),
                country=country,
                links=link_to(anchors, ("best score chart", f"best-score-{board}"), ("quality section", "quality"))
                + link_to(anchors, ("top-10 share chart", f"share-top10-{board}")),
            )
        )
    return out


HEADLINES: list[Callable[[duckdb.DuckDBPyConnection, set[str]], list[Headline]]] = [
    arena_leaders,
    headlines_race.days_behind,
    headlines_race.cadence_versions,
    *headlines_more.ALL,
]


def build_headlines(con: duckdb.DuckDBPyConnection, anchors: set[str], names: Names | None = None) -> list[Headline]:
    found = []
    for compute in HEADLINES:
        found += compute(con, anchors)
    return found


def overview_html(headlines: list[Headline]) -> str:
    if not headlines:
        return '<p class="lede">No headline tables in this warehouse yet.</p>\n'
    cards = []
    for h in headlines:
        colour = COUNTRY_COLORS.get(h.country or "", "#444")
        links = [f'<a href="{esc(href)}">{esc(label)}</a>' for label, href in h.links]
        links.append(f'<a href="data/{esc(h.csv_name)}" download>rows (CSV)</a>')
        sources = sorted(
            {
                u
                for col in ("source_url", "source_urls")
                if col in h.rows.columns
                for cell in h.rows[col].drop_nulls().cast(pl.Utf8).to_list()
                for u in cell.split(" ; ")
            }
        )
        first = next((u for u in sources if safe_href(u)), None)
        if first:
            more = f" (+{plural(len(sources) - 1, 'more source')} in the CSV)" if len(sources) > 1 else ""
            links.append(f'<a href="{esc(first)}" title="{esc(first)}">{esc(source_label(first))}</a>{esc(more)}')
        cards.append(
            f'<div class="card" id="headline-{esc(h.key)}" style="border-top-color:{colour}">'
            f'<div class="card-label">{esc(h.label)}</div><div class="card-value">{esc(h.value)}</div>'
            f'<div class="card-detail">{esc(h.detail)}</div>'
            f'<div class="meta">As of {esc(h.as_of)} · {" · ".join(links)}</div></div>\n'
        )
    return f'<div class="cards">\n{"".join(cards)}</div>\n'


def pages_html(pages: list[tuple[str, str, str, int]]) -> str:
    """The question pages as a list of cards: (file, heading, intro, number of charts)."""
    items = "".join(
        f'<li><a href="{esc(file)}">{esc(heading)}</a><div class="meta">{esc(plural(n, "chart"))}</div></li>\n'
        for file, heading, _intro, n in pages
    )
    items += (
        '<li><a href="methodology.html">Methodology, glossary and sources</a><div class="meta">how each '
        "number is made, what the terms mean</div></li>\n"
    )
    return f'<ul class="pages">\n{items}</ul>\n'
