"""The planner's set-based selection picks exactly the loans whose position (the statement's
own figures) says a reminder is due, for the same reason and amount: days late (paused days not
counted) on a reminder day, with what is due now; or, up to date, the next payment three days
ahead with the amount the statement shows for it."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from portal.notifications.models import Event
from portal.notifications.outbox.selection import CADENCE, UPCOMING_DAYS, missed, upcoming
from repayment import position as positions
from repayment.ledger.reading import ledger_lines
from repayment.models import Pause
from repayment.servicing.product_terms import add_months, due_dates
from repayment.statements.circumstances import circumstances, hardship_rows
from tests.factories import BorrowerFactory, EntryFactory, LoanFactory
from tests.hypothesis_profiles import scaled
from tests.notifications.outbox import ledger_selection as by_replay
from tests.notifications.outbox.kept import keep_positions
from tests.repayment.plan_fixtures import today_in

D = Decimal
ZONE = "Asia/Shanghai"

books = st.lists(
    st.fixed_dictionaries(
        {
            "count": st.integers(2, 8),
            "paid": st.integers(0, 6),  # installments paid in full, on their day
            "part": st.sampled_from([D(0), D("100.00"), D("549.99")]),  # and part of the next
            "fee": st.booleans(),
            # Interest posted but not yet due: the last installment clears it.
            "interest": st.booleans(),
            # Late: the first unpaid installment is this many days late, paused days aside
            # (reminder days and the days beside them). Coming: it falls due in three days.
            "late_by": st.sampled_from([None, 2, 3, 4, 10, 11, 17, 30, 45]),
            # A pause, ended, that began the day after that installment fell due.
            "pause_days": st.sampled_from([0, 0, 1, 5, 20]),
        }
    ),
    min_size=1,
    max_size=4,
)


def make(spec, today):
    paid = min(spec["paid"], spec["count"] - 1)
    if spec["late_by"] is None:
        anchor = today + dt.timedelta(days=UPCOMING_DAYS)
        pause_days = 0
    else:
        pause_days = spec["pause_days"]
        anchor = today - dt.timedelta(days=spec["late_by"] + pause_days)
    first = add_months(anchor, -paid)
    loan = LoanFactory(
        borrower=BorrowerFactory(time_zone=ZONE),
        disbursed_on=first - dt.timedelta(days=31),
        first_due_date=first,
        installment_count=spec["count"],
        installment_amount=D("550.00"),
        principal=D("550.00") * spec["count"],
    )
    EntryFactory(loan=loan, kind="disbursement", amount=loan.principal, effective_date=first)
    if spec["interest"]:
        EntryFactory(loan=loan, kind="interest", amount=D("12.34"), effective_date=first)
    dates = due_dates(first, loan.product.installment_frequency, spec["count"])
    for number, day in enumerate(d for d in dates if d <= today):
        EntryFactory(loan=loan, kind="installment_due", amount=D("550.00"), effective_date=day)
        if number < paid or spec["late_by"] is None:
            EntryFactory(loan=loan, kind="payment", amount=D("550.00"), effective_date=day)
        elif number == paid and spec["part"]:
            EntryFactory(loan=loan, kind="payment", amount=spec["part"], effective_date=day)
        if spec["fee"] and number == paid and day + dt.timedelta(days=6) <= today:
            EntryFactory(
                loan=loan, kind="fee", amount=D("30.00"), effective_date=day + dt.timedelta(days=6)
            )
    if pause_days:
        Pause.objects.create(
            loan=loan,
            reason="illness",
            starts_on=anchor + dt.timedelta(days=1),
            ends_on=anchor + dt.timedelta(days=pause_days),
            status="granted",
        )
    return loan


def position_of(loan, today):
    lines = ledger_lines(loan=loan, until=today)
    return positions.position(
        loan=loan,
        lines=lines,
        milestones=[],
        today=today,
        circumstances=circumstances(hardship_rows(loan), lines=lines, today=today),
    )


@pytest.mark.django_db
@settings(
    max_examples=scaled(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(book=books)
def test_the_planner_selects_exactly_the_loans_whose_position_is_due_a_reminder(book):
    today = today_in()
    loans = [make(spec, today) for spec in book]
    keep_positions(today, ZONE, loans=loans)
    ids = {loan.pk for loan in loans}
    found_missed = {
        d.loan_id: d for d in missed(time_zones=[ZONE], today=today) if d.loan_id in ids
    }
    found_upcoming = {
        d.loan_id: d for d in upcoming(time_zones=[ZONE], today=today) if d.loan_id in ids
    }
    for loan in loans:
        position = position_of(loan, today)
        event(f"status {position.status}")
        if position.status == positions.LATE and position.days_past_due in CADENCE:
            event("reminded: payment late")
            due = found_missed.pop(loan.pk)
            assert due.event == CADENCE[position.days_past_due]
            assert due.facts["days_late"] == position.days_past_due
            assert due.facts["amount"] == position.amount_due
        upcoming_due = (
            position.status == positions.UP_TO_DATE
            and position.next_payment is not None
            and position.next_payment.date == today + dt.timedelta(days=UPCOMING_DAYS)
        )
        if upcoming_due:
            event("reminded: payment coming")
            due = found_upcoming.pop(loan.pk)
            assert due.event == Event.UPCOMING_DUE
            assert due.facts["amount"] == position.next_payment.amount
    assert found_missed == {}
    assert found_upcoming == {}


def picked(select, today, ids):
    return sorted(
        (due.loan_id, due.event, sorted(due.facts.items()))
        for due in select(time_zones=[ZONE], today=today)
        if due.loan_id in ids
    )


@pytest.mark.django_db
@settings(
    max_examples=scaled(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(book=books)
def test_the_kept_positions_pick_what_replaying_the_ledgers_picked(book):
    """The selections moved from replaying ledgers to the kept positions: on the same books
    they pick the same loans for the same reminders with the same facts."""
    today = today_in()
    loans = [make(spec, today) for spec in book]
    keep_positions(today, ZONE, loans=loans)
    ids = {loan.pk for loan in loans}

    assert picked(missed, today, ids) == picked(by_replay.missed, today, ids)
    assert picked(upcoming, today, ids) == picked(by_replay.upcoming, today, ids)
