"""The supervisors' dashboard on a small book whose figures are known by hand."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.notifications.models import OutboundMessage
from portal.support import dashboard
from repayment.models import Dispute, Pause, Plan
from tests.factories import EntryFactory, LoanFactory, ProposalFactory

from .staff import signed_in, staff_user

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 5, 15, 12, 0, tzinfo=dt.UTC)  # settings.TIME_ZONE is UTC
TODAY = NOW.date()
keys = itertools.count()


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def proposal(status, *, hours_ago, due_in_hours):
    loan = LoanFactory()
    budget = loan.budgets.create(answers={}, income=1, spending=0, other_debts=0, available=1)
    ProposalFactory(
        loan=loan,
        budget=budget,
        amount=Decimal("100"),
        frequency="monthly",
        start_date=TODAY,
        segment="arrears",
        decision="review",
        status=status,
        review_due_at=NOW + dt.timedelta(hours=due_in_hours),
        created_at=NOW - dt.timedelta(hours=hours_ago),
    )


def plan(status, starts_on, ended_on=None):
    Plan.objects.create(
        loan=LoanFactory(),
        kind="spread",
        status=status,
        segment="arrears",
        frequency="monthly",
        total=Decimal("1000"),
        covers_overdue=Decimal("500"),
        starts_on=starts_on,
        ended_on=ended_on,
        idempotency_key=f"k{next(keys)}",
    )


def pause(status, starts_on, ends_on):
    Pause.objects.create(
        loan=LoanFactory(), reason="illness", starts_on=starts_on, ends_on=ends_on, status=status
    )


def dispute(status):
    entry = EntryFactory()
    Dispute.objects.create(loan=entry.loan, entry=entry, message="?", status=status)


def message(kind, status, rule, send_at=NOW):
    loan = LoanFactory()
    OutboundMessage.objects.create(
        key=f"m{next(keys)}",
        borrower=loan.borrower,
        loan=loan,
        event="payment_missed",
        kind=kind,
        channel="sms",
        due_on=send_at.date(),
        language="en",
        subject="s",
        body="b",
        rule=rule,
        reason="r",
        send_at=send_at,
        status=status,
    )


@pytest.fixture
def book():
    proposal("in_review", hours_ago=72, due_in_hours=-24)  # waiting 3 days, past due
    proposal("in_review", hours_ago=2, due_in_hours=46)
    proposal("declined", hours_ago=100, due_in_hours=-50)  # answered: not waiting
    plan("active", dt.date(2026, 5, 1))  # started this month
    plan("completed", dt.date(2026, 5, 10))  # started this month
    plan("broken", dt.date(2026, 3, 3), ended_on=dt.date(2026, 5, 4))  # broken this month
    plan("active", dt.date(2026, 2, 20))  # kept, started in the window
    plan("cancelled", dt.date(2026, 4, 2))  # neither kept nor broken
    plan("broken", dt.date(2025, 9, 1), ended_on=dt.date(2025, 10, 1))  # long ago
    pause("granted", TODAY - dt.timedelta(days=5), TODAY + dt.timedelta(days=5))
    pause("granted", TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=7))  # over
    pause("requested", TODAY, TODAY + dt.timedelta(days=40))
    dispute("open")
    dispute("rejected")
    for _ in range(3):
        message("collection", "sent", "allowed")
    message("collection", "suppressed", "quiet_hours")
    message("courtesy", "suppressed", "quiet_hours")
    message("collection", "suppressed", "dispute_open")
    message("service", "sent", "allowed")  # a confirmation, not a reminder
    message("collection", "sent", "allowed", send_at=NOW - dt.timedelta(days=20))  # April


def test_figures_of_a_known_book(book, django_assert_num_queries):
    with django_assert_num_queries(5):
        figures = dashboard.figures()
    assert figures.month_start == dt.date(2026, 5, 1)
    assert figures.waiting.count == 2 and figures.waiting.past_due == 1
    assert figures.waiting.oldest == NOW - dt.timedelta(hours=72)
    assert [count for _, count in figures.waiting.by_age] == [1, 0, 1, 0]
    assert figures.plans_started == 2
    assert figures.plans_broken == 1
    assert figures.kept_since == dt.date(2026, 2, 1)
    assert (figures.kept, figures.kept_of, figures.kept_percent) == (3, 4, Decimal(75))
    assert dict(figures.started_by_month)[dt.date(2026, 3, 1)] == 1
    assert [count for _, count in figures.started_by_month] == [0, 0, 1, 1, 1, 2]
    assert figures.disputes_open == 1
    assert figures.pauses_active == 1
    by_rule = {row.rule: (row.sent, row.suppressed) for row in figures.reminders}
    assert by_rule == {"allowed": (3, 0), "dispute_open": (0, 1), "quiet_hours": (0, 2)}
    assert (figures.reminders_sent, figures.reminders_suppressed) == (3, 3)


def test_an_empty_book_reads_zero_and_no_share(django_assert_num_queries):
    with django_assert_num_queries(5):
        figures = dashboard.figures()
    assert figures.waiting.count == 0 and figures.waiting.oldest is None
    assert figures.kept_percent is None and figures.reminders == ()


def test_page_shows_numbers_charts_and_their_tables(book, client, supervisor):
    signed_in(client, supervisor)
    response = client.get(reverse("support:dashboard"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "75%" in text and "3 of 4 still on track or completed" in text
    assert text.count("<svg") == 3 and text.count('role="img"') == 3
    assert "Quiet hours" in text and "Dispute open" in text
    assert "style=" not in text and "<script" not in text
    assert "Coordinated Universal Time" in text  # the zone "this month" is counted in


def test_page_query_count_is_fixed(book, client, supervisor):
    signed_in(client, supervisor)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("support:dashboard")).status_code == 200
        return len(captured)

    count()
    small = count()
    for _ in range(5):
        plan("active", TODAY)
        message("collection", "suppressed", "weekly_cap")
        dispute("open")
    assert count() == small


def test_a_reviewer_sees_the_dashboard_and_an_agent_does_not(client):
    signed_in(client, staff_user("reviewer"))
    assert client.get(reverse("support:dashboard")).status_code == 200
    client.logout()
    signed_in(client, staff_user("agent"))
    assert client.get(reverse("support:dashboard")).status_code == 403
