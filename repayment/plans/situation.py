"""A loan's situation as plans see it: what is overdue, what the loan's own schedule will make
due next, and the terms that price a delay. Built from the statement, so a plan starts from
exactly the figures the borrower sees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from repayment.servicing.product_terms import due_dates
from repayment.statements.build import Statement

from ..models import DayCountBasis, InterestMethod
from ..money import ZERO
from .schedules import Installment


@dataclass(frozen=True, slots=True)
class LoanSituation:
    today: date
    currency: str
    frequency: str  # the loan's own installment frequency
    regular_amount: Decimal
    overdue: Decimal
    balance: Decimal
    days_past_due: int
    annual_rate_percent: Decimal
    # The loan's own installments still to fall due, after today.
    dues: tuple[Installment, ...]
    # How the loan charges interest, for what paying the overdue amount later costs
    # (``terms.delay_interest``).
    interest_method: str = InterestMethod.DECLINING.value
    day_count_basis: str = DayCountBasis.ACTUAL_365.value
    # The loan's last due date: no interest is charged after it.
    last_due: date | None = None
    # Interest and fees owed today: a payment clears these before principal, and they
    # bear no interest themselves.
    interest_and_fees: Decimal = ZERO

    @property
    def next_regular(self) -> Installment | None:
        return self.dues[0] if self.dues else None


def situation_of(*, loan, statement: Statement) -> LoanSituation:
    product = loan.product
    not_yet_due = max(ZERO, statement.balance.total - statement.amount_due)
    schedule = due_dates(loan.first_due_date, product.installment_frequency, loan.installment_count)
    dates = [day for day in schedule if day > statement.today]
    dues: list[Installment] = []
    left = not_yet_due
    for index, day in enumerate(dates):
        if left <= ZERO:
            break
        amount = left if index == len(dates) - 1 else min(loan.installment_amount, left)
        dues.append(Installment(day, amount))
        left -= amount
    return LoanSituation(
        today=statement.today,
        currency=statement.currency,
        frequency=product.installment_frequency,
        regular_amount=loan.installment_amount,
        overdue=statement.amount_due,
        balance=max(ZERO, statement.balance.total),
        days_past_due=statement.days_past_due,
        annual_rate_percent=product.annual_interest_rate,
        dues=tuple(dues),
        interest_method=product.interest_method,
        day_count_basis=product.day_count_basis,
        last_due=schedule[-1] if schedule else None,
        interest_and_fees=max(ZERO, statement.balance.interest + statement.balance.fees),
    )
