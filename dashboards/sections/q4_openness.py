"""Q4 openness: how much of the frontier is open-weight, by country?"""

from __future__ import annotations

from ..chart import esc
from ..figures.openness import openness_charts
from ..site import Section

ORDER = 40
OUT_TABLES = ("out_open_share_yearly", "out_open_arena_top10", "out_open_downloads_by_country")
SOURCES = ("hf_models", "hf_trending", "openrouter_rankings")
NO_HF = (
    "Open-model downloads by country: no Hugging Face snapshot loaded yet (live only). A live refresh "
    "fetches the Hub's most downloaded text-to-video and image-to-video models; this build has none, so no "
    "downloads are shown (rather than zeros)."
)


def build(con) -> Section:
    charts, has_hf, findings = openness_charts(con)
    blocks = findings + ([] if has_hf else [f'<p class="meta">{esc(NO_HF)}</p>\n'])
    return Section(
        "openness",
        "Q4 · Openness: how much of the frontier is open-weight?",
        "Open-weight share of new model versions by country and year (curated release table), open-weight "
        "models in the arena.ai top 10 over time (arena licence field), and Hugging Face downloads by "
        "country when fetched live.",
        charts=charts,
        html_blocks=blocks,
    )
