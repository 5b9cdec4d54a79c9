"""A loan product's terms as arithmetic: due dates and interest for a period (late fees are
late_fees.py)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from repayment.models import DayCountBasis, Frequency
from repayment.money import ZERO, round_money


def add_months(day: date, months: int) -> date:
    """Same day of the month, months later (or earlier); the 31st becomes the month's last
    day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_periods(day: date, frequency: str, periods: int) -> date:
    """``periods`` installment periods after ``day`` (before it, if negative)."""
    if frequency == Frequency.MONTHLY:
        return add_months(day, periods)
    return day + timedelta(days=7 if frequency == Frequency.WEEKLY else 14) * periods


def due_dates(first: date, frequency: str, count: int) -> tuple[date, ...]:
    return tuple(add_periods(first, frequency, n) for n in range(count))


def _days_30_360(start: date, end: date) -> int:
    """US 30/360 (bond basis) day count."""
    d1 = min(start.day, 30)
    d2 = 30 if (end.day == 31 and d1 == 30) else end.day
    return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1)


def year_fraction(start: date, end: date, basis: str) -> Decimal:
    if basis == DayCountBasis.THIRTY_360:
        return Decimal(_days_30_360(start, end)) / Decimal(360)
    days = Decimal((end - start).days)
    return days / (Decimal(360) if basis == DayCountBasis.ACTUAL_360 else Decimal(365))


def period_interest(
    *,
    base: Decimal,
    annual_rate_percent: Decimal,
    start: date,
    end: date,
    basis: str,
    currency: str,
) -> Decimal:
    if base <= ZERO or end <= start:
        return ZERO
    raw = base * annual_rate_percent / Decimal(100) * year_fraction(start, end, basis)
    return round_money(raw, currency)
