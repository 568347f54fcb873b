"""README.md of an open-weight video repository: the dated entries of its "News" section.

The section is the first heading containing "News" (``## 🔥 Latest News!!``, ``# News``…); if
none has dated entries, a heading such as "Project Updates", "What's New" or "Changelog". It ends
at the next heading of the same or a higher level. Inside it, every bullet (with its continuation
lines) and every sub-heading that starts with a date is an event. Dates come in many spellings
(``Jul 28, 2025``, ``July, 16th, 2025``, ``2025.07.28``, ``[2024/9/19]``, ``**2024-12-17**``,
``March 2025``, ``2025.03``); a month-only date stays ``YYYY-MM`` with precision ``month``.
The text is kept as markdown. Code fences are skipped.
"""

from __future__ import annotations

import re
from datetime import date

from .base import ParseError, clean_label, decode_text

SOURCE = "github_readme"
DESCRIPTION = "GitHub README News section: one record per dated bullet (release notes of open-weight repos)"
CLI_FIELDS = ("repo", "date", "date_precision", "text")

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_PATTERNS = (  # (regex, precision); the leftmost match wins, day precision first on a tie
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2})(?!\d)"), "day"),
    (re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"), "day"),
    (re.compile(r"\b" + _MON + r",?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b,?\s+" + _YEAR), "day"),
    (re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+" + _YEAR), "day"),
    (re.compile(r"\b" + _MON + r",?\s+" + _YEAR), "month"),
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[./-](?P<m>\d{1,2})(?![./-]?\d)"), "month"),
)
_MAX_LEAD = 16  # letters/digits allowed before the date ("🔥 **News**: ```2025/03/24```")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*\S)\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})[^`]*$")
_SECTION_WORDS = (("news",), ("update", "what's new", "what’s new", "changelog", "release notes"))


def _find_date(text: str) -> tuple[str, str, str] | None:
    """(iso date, precision, matched text) of the first date near the start of ``text``."""
    found = []
    for order, (pattern, precision) in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = _MONTHS[parts["mon"][:3].lower()] if parts.get("mon") else int(parts["m"])
            year, day = int(parts["y"]), int(parts["d"]) if parts.get("d") else 1
            try:
                date(year, month, day)
            except ValueError:
                continue
            iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if precision == "day" else "")
            found.append((match.start(), order, iso, precision, match.group(0)))
            break
    if not found:
        return None
    start, _, iso, precision, raw = min(found)
    if len(re.sub(r"[\W_]", "", text[:start])) > _MAX_LEAD:
        return None
    return iso, precision, raw


def _lines(text: str) -> list[tuple[int, str, bool]]:
    """(line number, line, inside a code fence) for every line."""
    out, fenced = [], False
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if _FENCE.match(line):
            fenced = not fenced
            out.append((number, line, True))
        else:
            out.append((number, line, fenced))
    return out


def _sections(lines: list[tuple[int, str, bool]]) -> list[tuple[int, list[tuple[int, str, bool]]]]:
    """Candidate News sections, best first: (heading line number, lines of the section)."""
    headings = [
        (i, len(m.group(1)), m.group(2).lower())
        for i, (_, line, fenced) in enumerate(lines)
        if not fenced and (m := _HEADING.match(line))
    ]
    ranked = []
    for rank, words in enumerate(_SECTION_WORDS):
        for pos, (i, level, title) in enumerate(headings):
            if any(word in title for word in words):
                end = next((j for j, lvl, _ in headings[pos + 1 :] if lvl <= level), len(lines))
                ranked.append((rank, i, lines[i][0], lines[i + 1 : end]))
    return [(number, body) for _, _, number, body in sorted(ranked)]


def _entries(body: list[tuple[int, str, bool]]) -> list[tuple[int, str]]:
    entries: list[list] = []
    open_bullet = False
    for number, line, fenced in body:
        if fenced or not line.strip():
            open_bullet = False
            continue
        if heading := _HEADING.match(line):
            entries.append([number, heading.group(2)])
            open_bullet = False
        elif bullet := _BULLET.match(line):
            entries.append([number, bullet.group(1)])
            open_bullet = True
        elif open_bullet and not line.lstrip().startswith("<"):
            entries[-1][1] += "\n" + line.strip()
    return [(number, text) for number, text in entries]


def parse(body: bytes, *, where: str = "<input>", repo: str | None = None, **options) -> list[dict]:
    text = decode_text(body, SOURCE, where)
    sections = _sections(_lines(text))
    if not sections:
        raise ParseError(SOURCE, where, "no News section (no heading containing 'News' or 'Updates')")
    repo_name = clean_label(repo)
    for _, section in sections:
        records = []
        for number, entry in _entries(section):
            found = _find_date(entry.split("\n", 1)[0])
            if found is None:
                continue
            iso, precision, raw = found
            records.append(
                {
                    "repo": repo_name,
                    "date": iso,
                    "date_precision": precision,
                    "text": clean_label(entry),
                    "line_no": number,
                    "date_text": raw,
                }
            )
        if records:
            return records
    raise ParseError(SOURCE, where, f"no dated bullet in the News section (heading at line {sections[0][0]})")
