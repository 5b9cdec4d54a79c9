"""A promise to pay: made within the policy and the amount due, one open at a time, refused
with nothing changed otherwise; kept, part kept or broken from the ledger, with one gentle
message when it is not kept, and the lender told each time."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from portal.notifications.contact_rules.situations import load_holds
from portal.notifications.models import OutboundMessage
from repayment.hardship.promises import PromiseError, make_promise, outcome, settle, settle_all
from repayment.models import (
    LenderEvent,
    Pause,
    PauseReason,
    PauseStatus,
    Plan,
    PlanStatus,
    Promise,
    PromiseStatus,
)
from tests.factories import PlanFactory
from tests.repayment.plan_fixtures import late_loan, pay, today_in

pytestmark = pytest.mark.django_db

D = Decimal


def promised(amount="300.00", days=5, loan=None):
    loan = loan or late_loan()  # 1,100.00 due: two payments of 550 have fallen due unpaid
    today = today_in()
    return make_promise(
        loan=loan, amount=amount, pay_by=today + dt.timedelta(days=days), today=today
    )


def told_borrower(promise, event):
    return OutboundMessage.objects.filter(
        borrower=promise.loan.borrower, channel="in_portal", event=event
    ).count()


def told_lender(promise):
    return list(
        LenderEvent.objects.filter(borrower=promise.loan.borrower)
        .order_by("pk")
        .values_list("topic", flat=True)
    )


def test_a_promise_holds_reminders_until_its_day_plus_the_grace_days():
    promise = promised(days=5)
    today = today_in()
    assert promise.status == PromiseStatus.OPEN
    assert promise.hold_until == today + dt.timedelta(days=7)  # default grace: 2 days
    holds = load_holds([promise.loan_id], around=today)[promise.loan_id]
    assert holds.promise_on(today + dt.timedelta(days=7))
    assert not holds.promise_on(today + dt.timedelta(days=8))
    assert told_lender(promise) == ["promise.made"]


def test_paying_the_promised_amount_keeps_it_and_sends_the_borrower_nothing_more():
    promise = promised(amount="300.00")
    pay(promise.loan, "200.00")
    pay(promise.loan, "100.00")
    assert settle(promise, today=today_in()) == PromiseStatus.KEPT
    promise.refresh_from_db()
    assert (promise.status, promise.paid) == (PromiseStatus.KEPT, D("300.00"))
    assert told_borrower(promise, "promise_broken") == 0
    assert told_borrower(promise, "promise_part_kept") == 0
    assert told_lender(promise) == ["promise.made", "promise.kept"]


def test_nothing_paid_stays_open_through_the_grace_days_then_is_broken_with_one_message():
    promise = promised(days=5)
    last_day = promise.hold_until
    assert settle(promise, today=last_day) is None
    assert settle(promise, today=last_day + dt.timedelta(days=1)) == PromiseStatus.BROKEN
    # A second run finds nothing to do and sends nothing more.
    assert settle(promise, today=last_day + dt.timedelta(days=2)) is None
    promise.refresh_from_db()
    assert (promise.status, promise.paid) == (PromiseStatus.BROKEN, D("0"))
    assert told_borrower(promise, "promise_broken") == 1
    message = OutboundMessage.objects.get(
        borrower=promise.loan.borrower, channel="in_portal", event="promise_broken"
    )
    assert "Things do not always go as planned" in message.body
    assert told_lender(promise) == ["promise.made", "promise.broken"]
    # The hold is over: the usual reminders resume.
    holds = load_holds([promise.loan_id], around=last_day)[promise.loan_id]
    assert not holds.promise_on(last_day)


def test_part_paid_by_the_last_day_is_part_kept_and_thanked():
    promise = promised(amount="300.00", days=3)
    pay(promise.loan, "120.00", day=promise.hold_until)
    assert settle_all(today=promise.hold_until + dt.timedelta(days=1)) == {
        "kept": 0,
        "part_kept": 1,
        "broken": 0,
    }
    promise.refresh_from_db()
    assert (promise.status, promise.paid) == (PromiseStatus.PART_KEPT, D("120.00"))
    assert told_borrower(promise, "promise_part_kept") == 1
    assert told_borrower(promise, "promise_broken") == 0
    assert told_lender(promise) == ["promise.made", "promise.broken"]
    assert LenderEvent.objects.get(topic="promise.broken").payload["outcome"] == "part_kept"


def test_payments_before_the_promise_or_after_its_last_day_do_not_count():
    loan = late_loan()
    pay(loan, "300.00", day=today_in() - dt.timedelta(days=1))
    promise = promised(amount="300.00", days=2, loan=loan)
    pay(loan, "300.00", day=promise.hold_until + dt.timedelta(days=1))
    assert settle(promise, today=promise.hold_until + dt.timedelta(days=1)) == (
        PromiseStatus.BROKEN
    )


@pytest.mark.parametrize(
    ("promised_on", "expected"),
    [
        # (paid, days after the last day it allows)
        ((D("50"), -3), PromiseStatus.KEPT),
        ((D("10"), 0), None),
        ((D("10"), 1), PromiseStatus.PART_KEPT),
        ((D("0"), 1), PromiseStatus.BROKEN),
    ],
)
def test_outcome(promised_on, expected):
    paid, days = promised_on
    last = dt.date(2026, 6, 10)
    assert (
        outcome(promised=D("50"), paid=paid, today=last + dt.timedelta(days=days), hold_until=last)
        == expected
    )


@pytest.mark.parametrize(
    ("amount", "days", "words"),
    [
        ("0", 5, "more than zero"),
        ("-5", 5, "more than zero"),
        ("abc", 5, "as a number"),
        ("10.005", 5, "whole cents"),
        ("1100.01", 5, "up to the amount due now"),
        ("100", 15, "within 14 days"),
        ("100", -1, "today or a day after"),
    ],
)
def test_bad_input_is_refused_in_plain_words_and_changes_nothing(amount, days, words):
    loan = late_loan()
    with pytest.raises(PromiseError, match=words):
        promised(amount=amount, days=days, loan=loan)
    assert not Promise.objects.exists()
    assert not LenderEvent.objects.exists()


def test_the_whole_amount_due_and_the_last_allowed_day_are_accepted():
    promise = promised(amount="1100.00", days=14)
    assert promise.amount == D("1100.00")


def test_a_second_open_promise_is_refused():
    promise = promised()
    with pytest.raises(PromiseError, match="already told us"):
        promised(loan=promise.loan)
    assert Promise.objects.count() == 1


def test_a_new_promise_may_follow_a_settled_one():
    promise = promised(days=1)
    settle(promise, today=promise.hold_until + dt.timedelta(days=1))
    assert promised(loan=promise.loan).status == PromiseStatus.OPEN


def test_refused_during_a_pause():
    loan = late_loan()
    today = today_in()
    Pause.objects.create(
        loan=loan,
        reason=PauseReason.ILLNESS,
        starts_on=today,
        ends_on=today + dt.timedelta(days=10),
        status=PauseStatus.GRANTED,
    )
    with pytest.raises(PromiseError, match="paused"):
        promised(loan=loan)
    assert not Promise.objects.exists()


def test_refused_on_an_active_plan():
    loan = late_loan()
    PlanFactory(loan=loan, status=PlanStatus.ACTIVE)
    assert Plan.objects.filter(loan=loan, status=PlanStatus.ACTIVE).exists()
    with pytest.raises(PromiseError, match="repayment plan"):
        promised(loan=loan)
    assert not Promise.objects.exists()


def test_refused_on_a_paid_off_loan():
    loan = late_loan(paid=3, late_days=45)
    pay(loan, "6000.00")
    with pytest.raises(PromiseError, match="paid off"):
        promised(loan=loan)


def test_the_database_allows_one_open_promise_per_loan():
    promise = promised()
    with pytest.raises(IntegrityError), transaction.atomic():
        Promise.objects.create(
            loan=promise.loan,
            amount=D("10"),
            pay_by=promise.pay_by,
            hold_until=promise.hold_until,
            made_on=promise.made_on,
        )
