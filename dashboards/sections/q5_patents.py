"""Q5 patents: who files generative-video patents?"""

from __future__ import annotations

from ..chart import esc
from ..figures.patents import patent_charts
from ..site import Section

ORDER = 50
OUT_TABLES = ("out_patent_counts",)
LIVE_ONLY = (
    "EPO OPS yearly counts per CPC scope (G06T13 animation, G06N3/0475 generative networks, H04N21 "
    "video distribution) and publication country (CN, US, EP, WO, KR, JP): live only. They need a free "
    "EPO OPS key and a live refresh; this build has none, so only the published anchor figures are "
    "shown."
)


def build(con) -> Section:
    charts, has_epo = patent_charts(con)
    blocks = [] if has_epo else [f'<p class="meta">{esc(LIVE_ONLY)}</p>\n']
    return Section(
        "patents",
        "Q5 · Patents: who files generative-AI and video patents?",
        "Published landscape figures (WIPO 2024 generative-AI patent families by inventor country) and, "
        "when fetched live, EPO OPS publication counts by CPC scope, country and year.",
        charts=charts,
        html_blocks=blocks,
    )
