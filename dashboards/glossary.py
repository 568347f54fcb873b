"""The glossary on methodology.html; every chart that uses a term links to its entry."""

from __future__ import annotations

from .chart import esc

GLOSSARY: dict[str, tuple[str, str]] = {
    "arena-score": (
        "Arena score and Elo",
        "Blind-vote arenas show voters two videos made from the same prompt and ask which is better. "
        "A model's score (arena.ai) or Elo (Artificial Analysis) is fitted from those votes so that a "
        "gap predicts how often one model wins: 100 points is about a 64% win rate. Scores compare "
        "models on the same board and day; they are not a percentage and not comparable across "
        "boards or scales.",
    ),
    "ci": (
        "Confidence interval (CI)",
        "The range the arena publishes around each score (95%). Two models whose intervals overlap may be in "
        "either order; we call a lead clear only when the intervals do not overlap.",
    ),
    "days-behind": (
        "Days behind (the months-behind gap)",
        "For a board and day: the best model of one country has score S. The gap is how many days "
        "earlier the other country's best model first had a CI lower bound at or above S, i.e. was "
        "clearly at that level already. Boards are sampled (daily, then weekly), so the true gap lies "
        "between that figure and the day before the previous sample; when the level was reached on "
        "the first observed day the gap is a lower bound. Scores drift slowly as the arena refits, so "
        "read it as weeks, not days.",
    ),
    "top-n-share": (
        "Share of the top 10",
        "Of the ten best-ranked models on a board that day, the percentage whose lab is headquartered "
        "in each country (from the labs table, with its basis).",
    ),
    "reference-spec": (
        "Reference spec",
        "The clip we price so that offers compare: text-to-video, 5 seconds, at 720p without audio "
        "or at 1080p with audio. Prices at other specs are shown in their own charts.",
    ),
    "price-quality-frontier": (
        "Price-quality frontier",
        "Per arena board and day, each model's arena score against the cheapest USD per second of its "
        "model family (any provider or tier, text-to-video, at 720p or 1080p, audio with, without or not "
        "stated; an offer of a named variant such as lite, fast or pro prices only a model of that variant). "
        "A model is joined to prices through its model family only; a model with no family is listed as "
        "unmatched, never guessed. A model is on its country's frontier when no model of the same country "
        "is both cheaper-or-equal and better-or-equal, one of them strictly: the frontier is the best "
        "quality each country sells at each price. At each frontier price we compare the best score each "
        "country reaches at or below it (a lead counts as clear when the CIs do not overlap). Two pairings: "
        "today's scores against each offer's newest price, and, to see the frontier move, each day's "
        "scores against the prices in force that day.",
    ),
    "price-per-second": (
        "Price per second",
        "USD for one second of generated video: per-clip prices divided by seconds, credits "
        "times the credit's dollar price, CNY at the FX rate of the observation date.",
    ),
    "open-weight": (
        "Open-weight",
        "A model whose trained weights anyone can download and run (whatever the licence's other "
        "terms). Unknown when no source states it: never counted as closed.",
    ),
    "abnormal-return": (
        "Abnormal return (AR) and cumulative abnormal return (CAR)",
        "A stock's daily return minus what the market did that day (market-adjusted: minus the "
        "benchmark's return; market model: minus α + β × the benchmark's return, fitted before "
        "the event). CAR adds the daily abnormal returns over a window of trading days around "
        "the launch, e.g. [-1,+1] = the day before to the day after.",
    ),
    "t-statistic": (
        "t-statistic and |t| ≥ 2",
        "The CAR divided by the usual day-to-day scatter of the stock's abnormal returns, scaled to "
        "the window's length. |t| ≥ 2 means a move larger than about 95% of ordinary windows: it "
        "stands out from noise, though it does not prove the launch caused it.",
    ),
    "release-event": (
        "Release event",
        "A dated step in a model's life: announcement, preview, general availability, API "
        "availability or open weights. A date known only to the month stays a month.",
    ),
    "verdict": (
        "Claim verdict",
        "Supported, partly, refuted, or insufficient data when the warehouse cannot test the claim; "
        "recomputed from the data on every refresh.",
    ),
}


def term_href(key: str) -> str:
    return f"methodology.html#term-{key}"


def glossary_html() -> str:
    items = "".join(
        f'<dt id="term-{key}">{esc(name)}</dt><dd>{esc(text)}</dd>\n' for key, (name, text) in GLOSSARY.items()
    )
    return f'<dl class="glossary">\n{items}</dl>\n'
