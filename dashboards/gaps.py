"""Honest lines: a time series is drawn as a line only between observations no further apart than
its cadence allows; past that the line breaks (a None in x and y) and the sampled days stay as
markers, so a month without data never reads as a smooth trend or an invented crossing."""

from __future__ import annotations

from datetime import date

DAILY_BOARD_DAYS = 3  # arena boards are daily; a missed day or two is not a gap worth breaking
TRADING_DAYS = 5  # weekends and a holiday between two sessions
YEARLY = 1  # yearly counts (x is the year itself)


def _position(value) -> float:
    if isinstance(value, int | float):
        return float(value)
    return float(date.fromisoformat(str(value)[:10]).toordinal())


def break_gaps(x: list, *series: list, max_gap: float) -> tuple[list, ...]:
    """x (ISO dates or numbers, sorted) and its y series with a None inserted wherever two
    consecutive points are more than max_gap apart (days for dates, units for numbers)."""
    out_x: list = []
    out_series: list[list] = [[] for _ in series]
    previous = None
    for i, value in enumerate(x):
        here = _position(value)
        if previous is not None and here - previous > max_gap:
            out_x.append(None)
            for column in out_series:
                column.append(None)
        out_x.append(value)
        for column, values in zip(out_series, series, strict=True):
            column.append(values[i])
        previous = here
    return (out_x, *out_series)


def segments(x: list, max_gap: float) -> list[tuple[int, int]]:
    """(start, stop) index ranges of x whose consecutive steps are all within max_gap."""
    spans, start = [], 0
    for i in range(1, len(x)):
        if _position(x[i]) - _position(x[i - 1]) > max_gap:
            spans.append((start, i))
            start = i
    if x:
        spans.append((start, len(x)))
    return spans


def band(x: list, lower: list, upper: list, max_gap: float) -> tuple[list, list]:
    """A confidence band as closed polygons, one per unbroken segment, joined by None (Plotly's
    fill='toself' fills each polygon on its own): no band bridges a gap either."""
    px: list = []
    py: list = []
    for start, stop in segments(x, max_gap):
        xs, lo, hi = x[start:stop], lower[start:stop], upper[start:stop]
        if px:
            px.append(None)
            py.append(None)
        px += list(xs) + list(reversed(xs))
        py += list(hi) + list(reversed(lo))
    return px, py


def longest_drawn_step(x: list) -> float:
    """The widest step a line through x (None = break) draws: what the tests check."""
    longest, previous = 0.0, None
    for value in x:
        if value is None:
            previous = None
            continue
        here = _position(value)
        if previous is not None:
            longest = max(longest, abs(here - previous))
        previous = here
    return longest
