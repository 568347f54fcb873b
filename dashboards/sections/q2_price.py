"""Q2 price: what does one second of generated video cost, China vs U.S.?"""

from __future__ import annotations

from ..figures.price import price_charts
from ..figures.price_quality import price_quality_charts
from ..site import Section

ORDER = 20
OUT_TABLES = (
    "out_price_per_second",
    "out_price_country_summary",
    "out_price_quality_points",
    "out_price_quality_levels",
    "out_price_quality_frontier_moves",
)


def build(con) -> Section:
    charts, findings = price_charts(con)
    charts = [*price_quality_charts(con), *charts]
    return Section(
        "price",
        "Q2 · Price: what does one second of generated video cost?",
        "USD per second of text-to-video at the reference specs (720p without audio, 1080p with audio), "
        "then at the same resolutions whatever the audio, and at any resolution; each offer's newest "
        "price still in force, coloured by the lab's country. Per-clip prices are divided by seconds, "
        "Runway credits count $0.01, CNY converts at the FX rate of the observation date; undated CNY "
        "prices stay unconverted (unknown). First, price against quality: each arena model's score against the "
        "cheapest price of its model family, and each country's frontier.",
        charts=charts,
        html_blocks=findings,
    )
