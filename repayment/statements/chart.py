"""The balance-over-time chart as plain SVG numbers, drawn on the server so it needs no
JavaScript and costs a slow phone nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

WIDTH = 340
HEIGHT = 150
PAD_LEFT = 4
PAD_RIGHT = 4
PAD_TOP = 10
PAD_BOTTOM = 22
MAX_POINTS = 120


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    line: str
    area: str
    baseline_y: float
    first: date
    last: date
    highest: Decimal
    latest: Decimal


def _thin(series: tuple[tuple[date, Decimal], ...]) -> list[tuple[date, Decimal]]:
    if len(series) <= MAX_POINTS:
        return list(series)
    step = len(series) / (MAX_POINTS - 1)
    picked = [series[round(i * step)] for i in range(MAX_POINTS - 1)]
    return [*picked, series[-1]]


def balance_chart(series: tuple[tuple[date, Decimal], ...], today: date) -> Chart | None:
    """A step line of the balance from the first entry to today; None with under two days."""
    points = _thin(series)
    if not points:
        return None
    if points[-1][0] < today:
        points.append((today, points[-1][1]))
    if len(points) < 2:
        return None
    first, last = points[0][0], points[-1][0]
    span_days = max((last - first).days, 1)
    highest = max(max(balance for _, balance in points), Decimal(0))
    lowest = min(min(balance for _, balance in points), Decimal(0))
    span_money = (highest - lowest) or Decimal(1)
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(day: date) -> float:
        return round(PAD_LEFT + plot_w * (day - first).days / span_days, 1)

    def y(balance: Decimal) -> float:
        return round(PAD_TOP + plot_h * float((highest - balance) / span_money), 1)

    coords: list[str] = []
    previous_y = None
    for day, balance in points:
        if previous_y is not None:
            coords.append(f"{x(day)},{previous_y}")
        previous_y = y(balance)
        coords.append(f"{x(day)},{previous_y}")
    line = "M" + " L".join(coords)
    baseline = y(Decimal(0))
    area = f"{line} L{x(last)},{baseline} L{x(first)},{baseline} Z"
    return Chart(WIDTH, HEIGHT, line, area, baseline, first, last, highest, points[-1][1])
