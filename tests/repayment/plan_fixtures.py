"""A loan in arrears, built relative to today so page tests do not age."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from repayment.ledger.reading import local_today
from repayment.servicing.product_terms import add_months
from tests.factories import (
    BorrowerFactory,
    EntryFactory,
    LoanFactory,
    LoanProductFactory,
    UserFactory,
)

D = Decimal

# Income and expenditure answers as the budget form takes them; they leave 700 a month.
BUDGET = {
    "period": "monthly",
    "earnings": "2400",
    "home": "800",
    "utilities": "150",
    "food": "500",
    "other_debts": "250",
}


def today_in(time_zone="Asia/Shanghai") -> dt.date:
    return local_today(timezone.now(), time_zone)


def late_loan(*, paid=3, late_days=45, user=None, product=None):
    """Twelve monthly payments of 550; ``paid`` of the fallen-due ones paid; the oldest unpaid
    one fell due ``late_days`` days ago (the next one, a month later, is unpaid too)."""
    today = today_in()
    oldest_unpaid = today - dt.timedelta(days=late_days)
    first_due = add_months(oldest_unpaid, -paid)
    borrower = BorrowerFactory(user=user or UserFactory())
    loan = LoanFactory(
        borrower=borrower,
        product=product or LoanProductFactory(),
        principal=D("6000.00"),
        disbursed_on=add_months(first_due, -1),
        first_due_date=first_due,
        installment_count=12,
        installment_amount=D("550.00"),
    )
    EntryFactory(
        loan=loan, kind="disbursement", amount=D("6000.00"), effective_date=loan.disbursed_on
    )
    n = 0
    while add_months(first_due, n) <= today and n < 12:
        due = add_months(first_due, n)
        EntryFactory(loan=loan, kind="installment_due", amount=D("550.00"), effective_date=due)
        if n < paid:
            EntryFactory(loan=loan, kind="payment", amount=D("550.00"), effective_date=due)
        n += 1
    return loan


def pay(loan, amount, day=None):
    return EntryFactory(
        loan=loan, kind="payment", amount=D(amount), effective_date=day or today_in()
    )


def url(name, loan, *extra):
    """A borrower page of the loan."""
    return reverse(name, args=[loan.reference, *extra])
