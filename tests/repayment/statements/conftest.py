"""A loan whose ledger is written out by hand, for the statement tests."""

import datetime as dt
from decimal import Decimal

import pytest

from repayment.models import LedgerEntry
from tests.factories import EntryFactory, LoanFactory, MilestoneFactory

D = Decimal
NOON_SHANGHAI = dt.datetime(2026, 5, 20, 4, 0, tzinfo=dt.UTC)


def entry(loan, kind, amount, day, **extra):
    return EntryFactory(loan=loan, kind=kind, amount=D(amount), effective_date=day, **extra)


@pytest.fixture
def late_loan():
    """Paid February and March, then missed April (10 April) and May (10 May)."""
    loan = LoanFactory()
    MilestoneFactory(product=loan.product, days_past_due=30)
    entry(loan, "disbursement", "6000.00", dt.date(2026, 1, 10))
    for month in (2, 3, 4, 5):
        entry(loan, "installment_due", "550.00", dt.date(2026, month, 10))
    entry(loan, "payment", "550.00", dt.date(2026, 2, 10))
    entry(loan, "payment", "550.00", dt.date(2026, 3, 9))
    entry(loan, "fee", "30.00", dt.date(2026, 4, 16))
    return loan


def fetch(loan):
    return type(loan).objects.select_related("product__lender", "borrower").get(pk=loan.pk)


def bulk_ledger(loan, count):
    start = dt.date(2020, 1, 1)
    rows = [
        LedgerEntry(
            loan=loan,
            external_id="d",
            kind="disbursement",
            amount=D("100000.00"),
            effective_date=start,
            source="lender",
        )
    ]
    for n in range(1, count):
        kind = ("installment_due", "interest", "payment")[n % 3]
        rows.append(
            LedgerEntry(
                loan=loan,
                external_id=f"e{n}",
                kind=kind,
                amount=D("12.34"),
                effective_date=start + dt.timedelta(days=n // 3),
                source="lender",
            )
        )
    LedgerEntry.objects.bulk_create(rows)
