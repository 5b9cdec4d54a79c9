"""The terms of a plan, before it exists: what an offer shows and what a borrower confirms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from repayment.servicing.product_terms import year_fraction

from ..models import InterestMethod
from ..money import ZERO, round_money
from .schedules import Installment, total
from .situation import LoanSituation


@dataclass(frozen=True, slots=True)
class PlanTerms:
    kind: str
    frequency: str
    installments: tuple[Installment, ...]
    # How much of what is overdue today the plan pays off.
    covers_overdue: Decimal
    # Settlement only: what the lender writes off when the plan is kept.
    discount: Decimal = ZERO
    # Extra interest, roughly, from paying the overdue amount later rather than today. Not in
    # the installments: the loan charges it, so it adds to the loan's balance.
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
    *, overdue: Decimal, installments: tuple[Installment, ...], situation: LoanSituation
) -> Decimal:
    """The interest the loan charges, roughly, because ``installments`` pay the overdue
    amount later than today. A guide for the borrower, not a ledger figure.

    Each payment's part above the loan's regular payment pays overdue money off on its date.
    It costs interest only as the loan charges it: on the principal still owed (so nothing on a
    flat-rate loan, whose interest is on the original principal whenever it is repaid), not on
    the interest and fees owed, which a payment clears first, and only up to the loan's last
    due date, after which no interest is charged. Simple interest on the product's day count.
    The plan's payments do not include it: it is added to the loan's balance."""
    rate = situation.annual_rate_percent
    if situation.interest_method == InterestMethod.FLAT or rate <= ZERO:
        return ZERO
    regular_by_date = {item.due_date: item.amount for item in situation.dues}
    not_bearing = situation.interest_and_fees
    left = overdue
    raw = ZERO
    for item in installments:
        if left <= ZERO:
            break
        towards_overdue = min(
            left, max(ZERO, item.amount - regular_by_date.get(item.due_date, ZERO))
        )
        left -= towards_overdue
        bearing = max(ZERO, towards_overdue - not_bearing)
        not_bearing = max(ZERO, not_bearing - towards_overdue)
        until = item.due_date
        if situation.last_due is not None:
            until = min(until, situation.last_due)
        if bearing > ZERO and until > situation.today:
            raw += (
                bearing
                * rate
                / 100
                * year_fraction(situation.today, until, situation.day_count_basis)
            )
    return round_money(raw, situation.currency)
