"""A cached statement is never stale: a new entry or changed terms show at once."""

import datetime as dt
from decimal import Decimal

import pytest

from repayment.statements.cache import statement_for

from .conftest import NOON_SHANGHAI, entry, fetch

pytestmark = pytest.mark.django_db
D = Decimal


def test_a_cached_statement_shows_a_new_entry_or_changed_terms_at_once(late_loan):
    first = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)
    entry(late_loan, "payment", "100.00", dt.date(2026, 5, 19))
    after_payment = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)
    assert after_payment.amount_due == first.amount_due - D("100.00")

    late_loan.product.lender.phone = "+86 400 999 0000"
    late_loan.product.lender.save()
    assert statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI).lender.phone == (
        "+86 400 999 0000"
    )
    later = dt.datetime(2026, 5, 21, 4, 0, tzinfo=dt.UTC)
    assert statement_for(loan=fetch(late_loan), as_of=later).days_past_due == 41
