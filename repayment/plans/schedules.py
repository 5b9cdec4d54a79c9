"""Plan schedules: dates and amounts that add up exactly.

One rounding rule: an amount split into equal parts is rounded *down* to the currency's minor
unit in every part, and the remainder goes into the last part. So the parts always sum to the
amount, and only the last payment can differ (by less than one minor unit per part).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from repayment.servicing.product_terms import add_periods

from ..money import ZERO, minor_unit


class Installment(NamedTuple):
    due_date: date
    amount: Decimal


def split(total: Decimal, parts: int, currency: str) -> tuple[Decimal, ...]:
    """``total`` in ``parts`` equal amounts; the last takes the remainder."""
    if parts < 1:
        raise ValueError("parts must be at least 1")
    share = (total / parts).quantize(minor_unit(currency), rounding=ROUND_DOWN)
    return (share,) * (parts - 1) + (total - share * (parts - 1),)


def dates_from(start: date, frequency: str, count: int) -> tuple[date, ...]:
    """``count`` dates, one period apart, each counted from ``start`` so a 31st stays the
    month's last day rather than drifting to the 28th."""
    return tuple(add_periods(start, frequency, n) for n in range(count))


def spread_over(
    base: Sequence[Installment], extra: Decimal, currency: str
) -> tuple[Installment, ...]:
    """Add ``extra`` in equal parts on top of the ``base`` payments."""
    shares = split(extra, len(base), currency)
    return tuple(
        Installment(item.due_date, item.amount + share)
        for item, share in zip(base, shares, strict=True)
    )


def regular_amount_by(dues: Sequence[Installment], day: date) -> Decimal:
    """What the loan's own schedule makes due on or before ``day``."""
    return sum((item.amount for item in dues if item.due_date <= day), ZERO)


def paying_each_time(
    *,
    amount: Decimal,
    frequency: str,
    start: date,
    overdue: Decimal,
    dues: Sequence[Installment],
    minimum: Decimal,
    limit: int,
) -> tuple[Installment, ...]:
    """Pay ``amount`` every period from ``start`` until the overdue amount, and the loan's own
    payments falling due meanwhile, are covered. Returns at most ``limit`` installments; if
    they do not get there, the schedule is the ``limit`` payments of ``amount``.

    The last payment is whatever is left. If that is under ``minimum``, the payment before
    gives it enough to reach the minimum; if the payment before cannot spare that, the two are
    joined. Either way no payment is below the minimum and the total is unchanged."""
    paid = ZERO
    schedule: list[Installment] = []
    for day in dates_from(start, frequency, limit):
        owed = overdue + regular_amount_by(dues, day)
        left = owed - paid
        if left <= ZERO:
            break
        payment = min(amount, left)
        schedule.append(Installment(day, payment))
        paid += payment
        if paid >= owed:  # caught up: later regular payments are the loan's own again
            break
    if len(schedule) > 1 and schedule[-1].amount < minimum:
        last, before = schedule.pop(), schedule.pop()
        short = minimum - last.amount
        if before.amount - short >= minimum:
            # Move just enough from the payment before to bring the last up to the minimum.
            schedule += [
                Installment(before.due_date, before.amount - short),
                Installment(last.due_date, minimum),
            ]
        else:
            schedule.append(Installment(before.due_date, before.amount + last.amount))
    return tuple(schedule)


def total(schedule: Sequence[Installment]) -> Decimal:
    return sum((item.amount for item in schedule), ZERO)
