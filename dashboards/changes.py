"""What changed: the site section and the Atom feed (changes.atom), both from marts.fct_changes.

The feed is deterministic: entry ids are tag URIs built from change_id (a hash of the change),
dates are the days the data shows the change, and the order is fixed."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import duckdb
import polars as pl

from .chart import esc, safe_href
from .chart_html import source_label
from .names import plural
from .site import Section

ANCHOR = "changes"
FEED_NAME = "changes.atom"
FEED_ID = "tag:videorace.invalid,2026:changes"
FEED_ENTRIES = 100
TABLE_ROWS = 25
KIND_LABELS = {
    "new_leader": "new #1",
    "price_change": "price change > 10%",
    "new_release": "new release",
    "claim_verdict": "claim verdict",
}


def load_changes(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame | None, dict | None]:
    tables = {
        r[0]
        for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts'").fetchall()
    }
    if "fct_changes" not in tables:
        return None, None
    frame = con.sql("""SELECT change_date, kind, subject, old_value, new_value, country_code, detail, source_url,
                              first_seen_at, change_id
                       FROM marts.fct_changes ORDER BY change_date DESC, kind, subject, change_id""").pl()
    refresh = None
    if "change_refreshes" in tables:
        rows = con.sql("SELECT * FROM marts.change_refreshes ORDER BY refreshed_at DESC LIMIT 1").pl()
        refresh = rows.row(0, named=True) if rows.height else None
    return frame, refresh


def _once(subject: str | None) -> str:
    """'Project Genie (Genie 3 prototype) Project Genie' (model and version both naming it) reads once."""
    text = (subject or "").strip()
    words = text.split(" ")
    for n in range(len(words) // 2, 0, -1):
        tail = " ".join(words[-n:])
        if text.startswith(tail + " ") and len(words) > n:
            return " ".join(words[:-n])
    return text


def _table(rows: pl.DataFrame) -> str:
    body = []
    for r in rows.iter_rows(named=True):
        href = safe_href(r["source_url"] or "")
        source = (
            f'<a href="{esc(href)}" title="{esc(href)}">{esc(source_label(href))}</a>'
            if href
            else esc(r["source_url"] or "unknown")
        )
        body.append(
            f'<tr><td data-label="date">{esc(r["change_date"])}</td>'
            f'<td data-label="kind">{esc(KIND_LABELS.get(r["kind"], r["kind"]))}</td>'
            f'<td data-label="subject">{esc(_once(r["subject"]))}</td>'
            f'<td data-label="before">{esc(r["old_value"] or "—")}</td>'
            f'<td data-label="after">{esc(r["new_value"] or "—")}</td>'
            f'<td data-label="source">{source}</td></tr>\n'
        )
    return (
        '<table class="prose"><thead><tr><th>date in the data</th><th>kind</th><th>subject</th><th>before</th>'
        f"<th>after</th><th>source</th></tr></thead>\n<tbody>\n{''.join(body)}</tbody></table>\n"
    )


def changes_section(con: duckdb.DuckDBPyConnection) -> tuple[Section, pl.DataFrame | None]:
    frame, refresh = load_changes(con)
    heading = "What changed since the previous refresh"
    if frame is None:
        return Section(ANCHOR, heading, "This warehouse has no change feed yet (the refresh builds it)."), None
    blocks = []
    counts = frame.group_by("kind").len().sort("kind")
    summary = ", ".join(f"{n} × {KIND_LABELS.get(k, k)}" for k, n in counts.iter_rows()) or "none"
    if refresh and refresh["previous_refreshed_at"] is not None:
        new = frame.filter(pl.col("first_seen_at") == refresh["refreshed_at"])
        lede = (
            f"The refresh of {refresh['refreshed_at']:%Y-%m-%d %H:%M} UTC found {plural(new.height, 'change')} not "
            f"seen "
            f"by the previous refresh ({refresh['previous_refreshed_at']:%Y-%m-%d %H:%M} UTC)."
        )
        if new.height:
            blocks.append(_table(new.head(TABLE_ROWS)))
    else:
        lede = (
            "This is the first refresh of this warehouse, so every change is new to it; below are the most "
            "recent changes the data shows."
        )
    if refresh and refresh["kinds_skipped"]:
        blocks.append(
            f'<p class="meta">Not tracked yet (their tables are absent): {esc(refresh["kinds_skipped"])}</p>\n'
        )
    blocks.append(f"<h3>Most recent changes in the data</h3>\n{_table(frame.head(TABLE_ROWS))}")
    blocks.append(
        f'<p class="meta">All {frame.height} changes ({esc(summary)}): '
        f'<a href="data/changes.csv" download>CSV</a> · <a href="{FEED_NAME}">Atom feed</a>. '
        "A new #1 is dated by the first arena snapshot that shows it; a release by its release date.</p>\n"
    )
    return Section(ANCHOR, heading, lede, html_blocks=blocks), frame


def _iso_day(value) -> str:
    return f"{value}T00:00:00Z"


def atom_feed(frame: pl.DataFrame | None, title: str) -> str:
    rows = frame.head(FEED_ENTRIES) if frame is not None else pl.DataFrame()
    updated = _iso_day(frame["change_date"].max()) if frame is not None and frame.height else "1970-01-01T00:00:00Z"
    entries = []
    for r in rows.iter_rows(named=True):
        kind = KIND_LABELS.get(r["kind"], r["kind"])
        link = safe_href(r["source_url"] or "")
        entry_title = f"{kind}: {r['subject']}: {r['new_value'] or ''}"
        entries.append(
            "  <entry>\n"
            f"    <id>{FEED_ID}:{xml_escape(r['change_id'])}</id>\n"
            f"    <title>{xml_escape(entry_title)}</title>\n"
            f"    <updated>{_iso_day(r['change_date'])}</updated>\n"
            f"    <category term={quoteattr(r['kind'])} label={quoteattr(kind)}/>\n"
            + (f'    <link rel="alternate" href={quoteattr(link)}/>\n' if link else "")
            + f'    <summary type="text">{xml_escape(r["detail"] or "")}</summary>\n'
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{xml_escape(title)}: what changed</title>\n  <id>{FEED_ID}</id>\n"
        f"  <updated>{updated}</updated>\n  <author><name>videorace</name></author>\n"
        '  <link rel="alternate" href="index.html#changes"/>\n'
        f'  <link rel="self" href="{FEED_NAME}"/>\n' + "".join(entries) + "</feed>\n"
    )
