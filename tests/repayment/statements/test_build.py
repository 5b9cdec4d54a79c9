"""The statement a borrower reads: figures, timeline and itemisation."""

import datetime as dt
from decimal import Decimal

import pytest

from repayment.statements.build import LATE, PAID_OFF, UP_TO_DATE
from repayment.statements.cache import statement_for
from tests.factories import BorrowerFactory, LoanFactory

from .conftest import NOON_SHANGHAI, entry, fetch

pytestmark = pytest.mark.django_db
D = Decimal


def test_late_loan_shows_what_is_due_how_late_and_what_comes_next(late_loan):
    statement = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)

    assert statement.status == LATE
    assert statement.amount_due == D("1130.00")  # two installments and the fee
    assert statement.days_past_due == 40  # since 10 April
    assert statement.oldest_unpaid_due_date == dt.date(2026, 4, 10)
    assert statement.next_due.date == dt.date(2026, 6, 10)
    assert statement.balance.principal == D("4900.00")
    assert statement.balance.fees == D("30.00")
    assert statement.balance.total == D("4930.00")
    fee_step, bureau = statement.timeline
    assert (fee_step.kind, fee_step.date, fee_step.happened) == (
        "late_fee",
        dt.date(2026, 4, 16),
        True,
    )
    assert (bureau.date, bureau.happened) == (dt.date(2026, 5, 10), True)
    assert bureau.explanation("zh-hans") == "我们会将逾期记录报送征信机构。"


def test_up_to_date_loan_shows_the_timeline_as_what_would_happen(late_loan):
    loan = LoanFactory(product=late_loan.product)
    entry(loan, "disbursement", "6000.00", dt.date(2026, 1, 10))
    entry(loan, "installment_due", "550.00", dt.date(2026, 2, 10))
    entry(loan, "payment", "550.00", dt.date(2026, 2, 10))

    statement = statement_for(loan=fetch(loan), as_of=dt.datetime(2026, 2, 20, tzinfo=dt.UTC))

    assert statement.status == UP_TO_DATE
    assert statement.amount_due == 0
    assert statement.timeline_is_hypothetical
    assert [step.date for step in statement.timeline] == [dt.date(2026, 3, 16), dt.date(2026, 4, 9)]
    assert not any(step.happened for step in statement.timeline)


def test_today_is_the_borrowers_own_day():
    """23:30 UTC on 9 March is already 10 March in Shanghai: the installment is due today."""
    loan = LoanFactory(borrower=BorrowerFactory(time_zone="Asia/Shanghai"))
    entry(loan, "disbursement", "6000.00", dt.date(2026, 1, 10))
    entry(loan, "installment_due", "550.00", dt.date(2026, 3, 10))
    late_evening_utc = dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.UTC)

    statement = statement_for(loan=fetch(loan), as_of=late_evening_utc)

    assert statement.today == dt.date(2026, 3, 10)
    assert statement.amount_due == D("550.00")


def test_itemisation_reconciles_from_the_chosen_date(late_loan):
    statement = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI, since=dt.date(2026, 3, 1))
    items = statement.itemisation
    assert items.balance_at_start == D("5450.00")
    assert items.payments == D("550.00")
    assert items.fees == D("30.00")
    assert (
        items.balance_at_start
        + items.borrowed
        + items.interest
        + items.fees
        - items.payments
        - items.credits
        == items.balance_now
        == statement.balance.total
    )
    assert all(line.date >= dt.date(2026, 3, 1) for line in statement.history)


def test_paid_off_loan_has_no_timeline():
    loan = LoanFactory()
    entry(loan, "disbursement", "500.00", dt.date(2026, 1, 10))
    entry(loan, "payment", "500.00", dt.date(2026, 2, 1))
    statement = statement_for(loan=fetch(loan), as_of=NOON_SHANGHAI)
    assert statement.status == PAID_OFF
    assert statement.timeline == ()
    assert statement.next_due is None


def test_future_dated_entries_do_not_count_yet(late_loan):
    entry(late_loan, "payment", "1130.00", dt.date(2026, 6, 1))
    statement = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)
    assert statement.amount_due == D("1130.00")
