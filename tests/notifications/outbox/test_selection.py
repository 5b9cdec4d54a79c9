"""Who the planner finds due a message: the SQL must agree with the ledger's own replay."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.notifications.models import Event
from portal.notifications.outbox.selection import CADENCE, missed, payments_received, upcoming
from repayment.ledger import replay as ledger
from repayment.ledger.reading import ledger_lines
from repayment.models import Frequency
from repayment.servicing.product_terms import add_periods
from tests.factories import BorrowerFactory, EntryFactory, LoanFactory
from tests.hypothesis_profiles import scaled
from tests.notifications.outbox.kept import keep_positions
from tests.notifications.outbox.ledger_selection import first_due_dates_for
from tests.repayment.plan_fixtures import late_loan, pay, today_in

D = Decimal
ZONE = "Asia/Shanghai"


def _missed(today=None):
    today = today or today_in()
    keep_positions(today)
    return {(d.loan_id, d.event): d for d in missed(time_zones=[ZONE], today=today)}


@pytest.mark.django_db
def test_a_loan_three_days_late_is_reminded_with_what_is_overdue():
    loan = late_loan(paid=3, late_days=3)
    found = _missed()
    due = found[(loan.pk, Event.PAYMENT_MISSED)]
    assert due.borrower_id == loan.borrower_id
    assert due.facts["days_late"] == 3
    assert due.facts["amount"] == D("550.00")


@pytest.mark.django_db
def test_days_between_cadence_steps_send_nothing():
    late_loan(paid=3, late_days=4)
    late_loan(paid=3, late_days=11)
    assert _missed() == {}


@pytest.mark.django_db
def test_ten_days_late_offers_a_plan_and_counts_from_the_oldest_unpaid_date():
    ten = late_loan(paid=3, late_days=10)
    # 45 days behind: the installment that fell due 14-17 days ago is unpaid too, but only
    # the oldest unpaid date counts.
    behind = late_loan(paid=3, late_days=45)
    found = _missed()
    assert (ten.pk, Event.PLAN_OFFER_AVAILABLE) in found
    assert (behind.pk, Event.PLAN_OFFER_AVAILABLE) in found
    assert found[(behind.pk, Event.PLAN_OFFER_AVAILABLE)].facts["days_late"] == 45
    assert found[(behind.pk, Event.PLAN_OFFER_AVAILABLE)].facts["amount"] == D("1100.00")
    assert len(found) == 2


@pytest.mark.django_db
def test_a_reversed_payment_counts_for_nothing():
    loan = late_loan(paid=3, late_days=3)
    last_payment = loan.entries.filter(kind="payment").order_by("-effective_date").first()
    EntryFactory(
        loan=loan,
        kind="reversal",
        amount=last_payment.amount,
        effective_date=today_in(),
        reverses=last_payment,
    )
    # The oldest unpaid date is now a month earlier: not a cadence day any more.
    assert _missed() == {}


@pytest.mark.django_db
def test_a_loan_paid_up_is_not_reminded():
    loan = late_loan(paid=3, late_days=3)
    pay(loan, "550.00")
    assert _missed() == {}


@pytest.mark.django_db
def test_borrowers_in_another_time_zone_are_asked_about_in_their_own():
    loan = late_loan(paid=3, late_days=3)
    loan.borrower.time_zone = "America/New_York"
    loan.borrower.save()
    assert _missed() == {}
    keep_positions(today_in())
    assert [d.loan_id for d in missed(time_zones=["America/New_York"], today=today_in())] == [
        loan.pk
    ]


@given(
    first=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    frequency=st.sampled_from(list(Frequency)),
    k=st.integers(0, 40),
)
def test_first_due_dates_for_finds_every_loan_with_an_installment_on_the_day(first, frequency, k):
    target = add_periods(first, frequency, k)
    found = first_due_dates_for(target, frequency, k + 1)
    assert found[first] == k
    assert all(add_periods(f, frequency, n) == target for f, n in found.items())


def _current_loan(first_due, count=12):
    borrower = BorrowerFactory()
    loan = LoanFactory(
        borrower=borrower,
        first_due_date=first_due,
        disbursed_on=first_due - dt.timedelta(days=30),
        installment_count=count,
    )
    EntryFactory(loan=loan, kind="disbursement", amount=D("6000"), effective_date=loan.disbursed_on)
    return loan


@pytest.mark.django_db
def test_an_up_to_date_loan_hears_about_its_next_payment_three_days_ahead():
    today = today_in()
    loan = _current_loan(today + dt.timedelta(days=3))
    done = _current_loan(today + dt.timedelta(days=3))
    pay(done, "6000.00", today)  # paid off early: nothing to remind about
    later = _current_loan(today + dt.timedelta(days=4))
    keep_positions(today)
    found = list(upcoming(time_zones=[ZONE], today=today))
    assert [(d.loan_id, d.event) for d in found] == [(loan.pk, Event.UPCOMING_DUE)]
    assert found[0].facts == {"amount": D("550.00"), "due_date": today + dt.timedelta(days=3)}
    assert later.pk not in {d.loan_id for d in found}


@pytest.mark.django_db
def test_a_month_end_first_due_date_is_found_in_a_short_month():
    first = dt.date(2027, 1, 31)
    loan = _current_loan(first)
    # The second installment falls on 28 February 2027.
    keep_positions(dt.date(2027, 2, 25))
    found = list(upcoming(time_zones=[ZONE], today=dt.date(2027, 2, 25)))
    assert [d.loan_id for d in found] == [loan.pk]
    assert found[0].facts["due_date"] == dt.date(2027, 2, 28)


@pytest.mark.django_db
def test_no_reminder_after_the_last_installment():
    today = today_in()
    _current_loan(add_periods(today + dt.timedelta(days=3), Frequency.MONTHLY, -2), count=2)
    keep_positions(today)
    assert list(upcoming(time_zones=[ZONE], today=today)) == []


@pytest.mark.django_db
def test_a_payment_just_recorded_is_acknowledged_once_per_entry():
    from django.utils import timezone

    loan = late_loan(paid=3, late_days=3)
    entry = pay(loan, "200.00")
    found = list(payments_received(time_zones=[ZONE], today=today_in(), now=timezone.now()))
    assert [(d.loan_id, d.tag, d.facts["amount"]) for d in found] == [
        (loan.pk, f"entry{entry.pk}", D("200.00"))
    ]


# The SQL must agree with the ledger for any mix of installments, payments and reversals.
entries = st.lists(
    st.tuples(
        st.sampled_from(["installment_due", "payment", "fee", "waiver"]),
        st.integers(0, 120),  # days before today
        st.integers(1, 800),
    ),
    min_size=1,
    max_size=12,
)


@pytest.mark.django_db
@settings(
    max_examples=scaled(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=entries, reverse_first_payment=st.booleans())
def test_missed_agrees_with_the_ledger_replay(items, reverse_first_payment):
    today = today_in()
    loan = LoanFactory(borrower=BorrowerFactory())
    EntryFactory(loan=loan, kind="disbursement", amount=D("100000"), effective_date=today)
    for kind, days_ago, amount in items:
        EntryFactory(
            loan=loan,
            kind=kind,
            amount=D(amount),
            effective_date=today - dt.timedelta(days=days_ago),
            component="fees" if kind == "waiver" else "",
        )
    payment = loan.entries.filter(kind="payment").first()
    if reverse_first_payment and payment:
        EntryFactory(
            loan=loan,
            kind="reversal",
            amount=payment.amount,
            effective_date=today,
            reverses=payment,
        )
    result = ledger.replay(ledger_lines(loan=loan))
    late = ledger.days_late(ledger.oldest_unpaid_due_date(result), today)
    keep_positions(today, loans=[loan])
    found = [d for d in missed(time_zones=[ZONE], today=today) if d.loan_id == loan.pk]
    if late in CADENCE:
        assert [d.facts["days_late"] for d in found] == [late]
        assert found[0].facts["amount"] == ledger.amount_due(result)
    else:
        assert found == []
