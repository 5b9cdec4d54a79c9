"""How a plan is going: payments in the ledger matched to the plan's installments. Pure.

Payments made since the plan was agreed pay its installments oldest first; a reversed payment
counts for nothing. An installment not fully paid by its date plus the policy's grace days is
missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from repayment.ledger import replay as ledger
from repayment.ledger.replay import Line
from repayment.money import ZERO

PAID, PART_PAID, DUE, LATE, MISSED = "paid", "part_paid", "due", "late", "missed"


class ScheduledPayment(NamedTuple):
    number: int
    due_date: date
    amount: Decimal


class InstallmentProgress(NamedTuple):
    number: int
    due_date: date
    amount: Decimal
    paid: Decimal
    state: str

    @property
    def left(self) -> Decimal:
        return self.amount - self.paid


class Progress(NamedTuple):
    installments: tuple[InstallmentProgress, ...]
    paid_total: Decimal

    @property
    def count(self) -> int:
        return len(self.installments)

    @property
    def paid_count(self) -> int:
        return sum(1 for item in self.installments if item.state == PAID)

    @property
    def percent(self) -> int:
        total = sum((item.amount for item in self.installments), ZERO)
        return int(min(self.paid_total, total) * 100 / total) if total else 100

    @property
    def complete(self) -> bool:
        return all(item.state == PAID for item in self.installments)

    @property
    def next_payment(self) -> InstallmentProgress | None:
        return next((item for item in self.installments if item.state != PAID), None)

    @property
    def missed(self) -> tuple[InstallmentProgress, ...]:
        return tuple(item for item in self.installments if item.state == MISSED)


def payments_since(lines: Sequence[Line], since: date) -> list[tuple[date, Decimal]]:
    reversed_ids = {line.reverses_id for line in lines if line.kind == ledger.REVERSAL}
    return sorted(
        (line.effective_date, line.amount)
        for line in lines
        if line.kind == ledger.PAYMENT
        and line.effective_date >= since
        and line.id not in reversed_ids
    )


def match(
    schedule: Sequence[ScheduledPayment],
    payments: Sequence[tuple[date, Decimal]],
    *,
    today: date,
    grace_days: int,
) -> Progress:
    available = sum((amount for _, amount in payments), ZERO)
    paid_total = available
    grace = timedelta(days=grace_days)
    out = []
    for item in sorted(schedule, key=lambda s: (s.due_date, s.number)):
        paid = min(item.amount, available)
        available -= paid
        if paid == item.amount:
            state = PAID
        elif today > item.due_date + grace:
            state = MISSED
        elif today > item.due_date:
            state = LATE
        elif paid > ZERO:
            state = PART_PAID
        else:
            state = DUE
        out.append(InstallmentProgress(item.number, item.due_date, item.amount, paid, state))
    return Progress(tuple(out), paid_total)
