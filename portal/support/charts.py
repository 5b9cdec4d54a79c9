"""Horizontal bar charts as plain SVG numbers, drawn on the server: no JavaScript, no inline
styles (the page's CSS colours them). Each bar has its label above it and its value at its
end, so the chart reads without a legend; the page puts the same numbers in a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 320
LABEL_HEIGHT = 14
BAR_HEIGHT = 14
GAP = 8
# Room at the right for the value written after the longest bar.
VALUE_ROOM = 44


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    label_y: int
    y: int
    width: int
    value_x: int
    value_y: int


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]


def bar_chart(rows: Sequence[tuple[str, int]]) -> BarChart:
    """One bar per (label, value); widths in proportion to the largest value. A zero value
    draws no bar but keeps its label and its 0."""
    top = max((value for _, value in rows), default=0) or 1
    room = WIDTH - VALUE_ROOM
    step = LABEL_HEIGHT + BAR_HEIGHT + GAP
    bars = []
    for index, (label, value) in enumerate(rows):
        y = index * step + LABEL_HEIGHT
        width = round(room * value / top)
        bars.append(
            Bar(
                label=str(label),
                value=value,
                label_y=y - 3,
                y=y,
                width=width,
                value_x=width + 4,
                value_y=y + BAR_HEIGHT - 3,
            )
        )
    return BarChart(width=WIDTH, height=max(step * len(rows), step), bars=tuple(bars))
