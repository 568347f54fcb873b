"""Q7 claims: which press claims hold today?"""

from __future__ import annotations

from ..figures.claims import claims_table_html, latest_verdicts, newest_fetched_day, verdict_chart
from ..site import Section

ORDER = 70
OUT_TABLES = ("marts.fct_claim_verdicts",)


def build(con) -> Section:
    rows = latest_verdicts(con)
    if rows.is_empty():
        return Section(
            "claims", "Q7 · Claims: which press claims hold today?", "No claim verdicts in this warehouse yet."
        )
    return Section(
        "claims",
        "Q7 · Claims: which press claims hold today?",
        "Nine claims from a widely shared early-2026 article on the AI video race, each tested by a rule "
        "over the warehouse on every refresh: supported, partly, refuted, or insufficient data when the "
        "data held cannot test it.",
        charts=[verdict_chart(rows, newest_fetched_day(con))],
        html_blocks=[claims_table_html(rows)],
    )
