"""The terms of a plan, before it exists: what an offer shows and what a borrower confirms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..money import ZERO, round_money
from .schedules import Installment, total


@dataclass(frozen=True, slots=True)
class PlanTerms:
    kind: str
    frequency: str
    installments: tuple[Installment, ...]
    # How much of what is overdue today the plan pays off.
    covers_overdue: Decimal
    # Settlement only: what the lender writes off when the plan is kept.
    discount: Decimal = ZERO
    # Extra interest, roughly, from paying the overdue amount later rather than today.
    extra_interest: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return total(self.installments)

    @property
    def first(self) -> Installment:
        return self.installments[0]

    @property
    def last(self) -> Installment:
        return self.installments[-1]

    @property
    def count(self) -> int:
        return len(self.installments)

    @property
    def largest(self) -> Decimal:
        return max(item.amount for item in self.installments)

    @property
    def smallest(self) -> Decimal:
        return min(item.amount for item in self.installments)

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "frequency": self.frequency,
            "installments": [[i.due_date.isoformat(), str(i.amount)] for i in self.installments],
            "covers_overdue": str(self.covers_overdue),
            "discount": str(self.discount),
            "extra_interest": str(self.extra_interest),
        }

    @classmethod
    def from_json(cls, data: dict) -> PlanTerms:
        return cls(
            kind=data["kind"],
            frequency=data["frequency"],
            installments=tuple(
                Installment(date.fromisoformat(day), Decimal(amount))
                for day, amount in data["installments"]
            ),
            covers_overdue=Decimal(data["covers_overdue"]),
            discount=Decimal(data["discount"]),
            extra_interest=Decimal(data["extra_interest"]),
        )


def delay_interest(
    *,
    overdue: Decimal,
    installments: tuple[Installment, ...],
    regular_by_date: dict[date, Decimal],
    today: date,
    annual_rate_percent: Decimal,
    currency: str,
) -> Decimal:
    """Interest, roughly, on the overdue amount for as long as the plan takes to pay it: each
    payment's part above the loan's regular payment pays overdue money off on its date.
    Actual/365 simple interest; a guide for the borrower, not a ledger figure."""
    left = overdue
    raw = ZERO
    for item in installments:
        if left <= ZERO:
            break
        towards_overdue = min(
            left, max(ZERO, item.amount - regular_by_date.get(item.due_date, ZERO))
        )
        days = max(0, (item.due_date - today).days)
        raw += towards_overdue * annual_rate_percent / 100 * Decimal(days) / 365
        left -= towards_overdue
    return round_money(raw, currency)
