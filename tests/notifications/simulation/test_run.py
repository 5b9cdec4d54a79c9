"""For any generated book and calendar, nothing sent breaks a contact rule.

Hypothesis draws the book (its seed, size, start date and how often borrowers opt out, dispute
and pause); the simulation runs the real planner and sender hour by hour; the independent
checker looks at everything sent."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.notifications.contact_rules import checker
from portal.notifications.models import OutboundMessage, Status
from portal.notifications.simulation import run as simulation
from tests.factories import SuppressionFactory
from tests.hypothesis_profiles import scaled

pytestmark = pytest.mark.django_db


@settings(
    max_examples=scaled(12),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(1, 10**6),
    borrowers=st.integers(5, 30),
    days=st.integers(3, 12),
    start=st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
)
def test_no_message_sent_breaks_a_contact_rule(seed, borrowers, days, start):
    if simulation.already_built(seed):
        return
    book = simulation.build_book(borrowers=borrowers, days=days, start=start, seed=seed)
    simulation.run(book, seed=seed)
    sent = OutboundMessage.objects.filter(
        status=Status.SENT, borrower__external_id__startswith=simulation.book_prefix(book)
    )
    assert checker.check(sent) == []


def test_the_checker_is_not_blind():
    """A run that sends, then a message forced out at night to an opted-out address, during
    a dispute: the checker must see each breach."""
    book = simulation.build_book(borrowers=40, days=20, start=dt.date(2026, 3, 2), seed=7)
    simulation.run(book, seed=7)
    sent = OutboundMessage.objects.filter(
        status=Status.SENT, borrower__external_id__startswith=simulation.book_prefix(book)
    )
    assert sent.exists(), "the simulation should send something to check"
    assert checker.check(sent) == []

    reminder = (
        sent.filter(kind="collection", channel="email").first()
        or sent.filter(channel="email").first()
    )
    SuppressionFactory(
        channel="email",
        address=reminder.address,
        reason="opted_out",
        source="test",
        created_at=reminder.sent_at - dt.timedelta(hours=1),
    )
    zone = ZoneInfo(reminder.loan.borrower.time_zone)
    night = reminder.sent_at.astimezone(zone).replace(hour=3)  # 03:00 where the borrower is
    OutboundMessage.objects.filter(pk=reminder.pk).update(sent_at=night)
    found = {v.rule for v in checker.check(sent.all())}  # .all(): read the rows again
    assert {"opted_out", "quiet_hours"} <= found


def test_the_checker_sees_an_arrears_reminder_sent_while_a_promise_was_open():
    from repayment.models import Promise

    book = simulation.build_book(borrowers=40, days=20, start=dt.date(2026, 3, 2), seed=7)
    simulation.run(book, seed=7)
    sent = OutboundMessage.objects.filter(
        status=Status.SENT,
        kind="collection",
        borrower__external_id__startswith=simulation.book_prefix(book),
    )
    reminder = sent.first()
    assert reminder is not None, "the simulation should send an arrears reminder"
    # The simulation's own promises held some reminders.
    assert OutboundMessage.objects.filter(
        rule="promise_open", borrower__external_id__startswith=simulation.book_prefix(book)
    ).exists()
    assert checker.check(sent) == []
    day = reminder.sent_at.astimezone(ZoneInfo(reminder.loan.borrower.time_zone)).date()
    Promise.objects.create(
        loan=reminder.loan,
        amount="10.00",
        made_on=day,
        pay_by=day,
        hold_until=day + dt.timedelta(days=2),
    )
    assert "promise_open" in {v.rule for v in checker.check(sent.all())}


def test_a_payment_the_borrower_told_us_of_holds_the_simulations_reminders():
    from repayment.models import PaymentReport

    book = simulation.build_book(borrowers=120, days=40, start=dt.date(2026, 3, 2), seed=8)
    simulation.run(book, seed=8)
    prefix = simulation.book_prefix(book)
    held = OutboundMessage.objects.filter(
        rule="payment_reported", borrower__external_id__startswith=prefix
    )
    assert held.exists(), "the simulation's reported payments should hold some reminders"
    assert set(held.values_list("kind", flat=True)) <= {"collection", "courtesy"}
    sent = OutboundMessage.objects.filter(
        status=Status.SENT,
        kind__in=["collection", "courtesy"],
        borrower__external_id__startswith=prefix,
    )
    assert checker.check(sent) == []
    reminder = sent.first()
    day = reminder.sent_at.astimezone(ZoneInfo(reminder.loan.borrower.time_zone)).date()
    PaymentReport.objects.create(
        loan=reminder.loan,
        amount="10.00",
        paid_on=day,
        reported_on=day,
        hold_until=day + dt.timedelta(days=5),
    )
    assert "payment_reported" in {v.rule for v in checker.check(sent.all())}


def test_simulate_contacts_prints_its_counts_and_no_violations():
    out = StringIO()
    call_command("simulate_contacts", borrowers=30, days=10, seed=11, stdout=out)
    text = out.getvalue()
    assert "Messages planned:" in text
    assert "Rule violations found by the independent checker: 0" in text
    with pytest.raises(CommandError):
        call_command("simulate_contacts", borrowers=30, days=10, seed=11, stdout=StringIO())
