"""A small book for the daily run's tests: loans that fell due and are unpaid on ``NOW``."""

import datetime as dt
from decimal import Decimal

from tests.factories import EntryFactory, LoanFactory, LoanProductFactory

# 20:00 in Shanghai, where the factories' borrowers live: installments of 10 February and
# 10 March have fallen due, and none is paid.
NOW = dt.datetime(2026, 3, 20, 12, 0, tzinfo=dt.UTC)


def book(count: int, *, serviced: bool = True) -> list:
    product = LoanProductFactory(servicing_enabled=serviced)
    loans = []
    for _ in range(count):
        loan = LoanFactory(product=product)
        EntryFactory(
            loan=loan,
            kind="disbursement",
            amount=Decimal("6000.00"),
            effective_date=loan.disbursed_on,
        )
        loans.append(loan)
    return loans
