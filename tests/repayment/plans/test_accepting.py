"""Accepting creates exactly one plan, whatever the clicking; the lender hears through the
outbox and the borrower gets a confirmation."""

import pytest
from django.db import connection

from portal.notifications.models import OutboundMessage, Status
from repayment.models import LenderEvent, Plan, PlanStatus
from repayment.plans.accepting import accept
from repayment.plans.options import options_for
from tests.concurrency import at_once
from tests.repayment.plan_fixtures import late_loan

KEY = "a" * 32


def first_offer(loan):
    options = options_for(loan=loan)
    _code, terms = options.offers[0]
    return options, terms


@pytest.mark.django_db
def test_accepting_creates_the_plan_with_its_schedule_an_event_and_a_confirmation(
    django_capture_on_commit_callbacks,
):
    loan = late_loan()
    options, terms = first_offer(loan)
    with django_capture_on_commit_callbacks(execute=True):
        plan, created = accept(
            loan=loan, terms=terms, key=KEY, segment="arrears", today=options.statement.today
        )
    assert created
    assert [(i.due_date, i.amount) for i in plan.installments.all()] == list(terms.installments)
    assert plan.total == terms.total
    event = LenderEvent.objects.get()
    assert event.topic == "plan.accepted" and event.payload["reference"] == loan.reference
    # The confirmation shows in the message centre at once and goes by e-mail (now, or when
    # the borrower's contact hours open).
    sent = OutboundMessage.objects.filter(borrower=loan.borrower, event="plan_accepted")
    assert {m.channel for m in sent} == {"in_portal", "email"}
    assert sent.get(channel="in_portal").status == Status.SENT
    assert all(loan.reference in m.body for m in sent)
    # It says when the first payment is, and how much.
    first = terms.installments[0]
    assert all(f"{first.amount:,}" in m.body for m in sent)
    assert "first payment is  on" not in sent.get(channel="email").body


@pytest.mark.django_db
def test_the_same_key_twice_or_a_second_key_gives_back_the_one_plan():
    loan = late_loan()
    options, terms = first_offer(loan)
    today = options.statement.today
    first, _ = accept(loan=loan, terms=terms, key=KEY, segment="arrears", today=today)
    again, created_again = accept(loan=loan, terms=terms, key=KEY, segment="arrears", today=today)
    other, created_other = accept(
        loan=loan, terms=terms, key="b" * 32, segment="arrears", today=today
    )
    assert not created_again and not created_other
    assert first == again == other
    assert Plan.objects.count() == 1
    assert LenderEvent.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent sessions")
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_create_exactly_one_plan_on_postgresql():
    loan = late_loan()
    options, terms = first_offer(loan)
    today = options.statement.today

    def click(n):
        return accept(loan=loan, terms=terms, key=f"{n:032x}", segment="arrears", today=today)

    results = at_once(click, 4)
    assert sum(created for _, created in results) == 1
    assert len({plan.pk for plan, _ in results}) == 1
    assert Plan.objects.filter(loan=loan, status=PlanStatus.ACTIVE).count() == 1
    assert LenderEvent.objects.filter(topic="plan.accepted").count() == 1
