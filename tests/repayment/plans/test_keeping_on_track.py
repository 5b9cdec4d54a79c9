"""The daily task: a kept plan completes, a first missed payment moves to the end, a second
breaks the plan kindly; running it twice changes nothing more."""

import datetime as dt

import pytest

from portal.notifications.models import OutboundMessage
from repayment.models import LedgerEntry, LenderEvent, Pause, PlanStatus
from repayment.plans.accepting import accept
from repayment.plans.keeping_on_track import BROKEN, COMPLETED, MOVED_TO_END, track
from repayment.plans.options import options_for
from repayment.tasks import keep_plans_on_track
from tests.repayment.plan_fixtures import D, late_loan, pay


def centre_text(loan, event):
    """What the borrower reads in their message centre about ``event``."""
    message = OutboundMessage.objects.get(
        borrower=loan.borrower, event=event, channel="in_portal", status="sent"
    )
    return f"{message.subject}\n{message.body}"


pytestmark = pytest.mark.django_db


def plan_for(loan, kind="spread"):
    options = options_for(loan=loan)
    terms = next(t for _, t in options.offers if t.kind == kind)
    plan, _ = accept(
        loan=loan, terms=terms, key="c" * 32, segment="arrears", today=options.statement.today
    )
    return plan


def installments(plan):
    return list(plan.installments.order_by("due_date", "number"))


def test_paying_every_installment_completes_the_plan():
    loan = late_loan()
    plan = plan_for(loan)
    for item in installments(plan):
        pay(loan, item.amount, item.due_date)
    last = installments(plan)[-1].due_date
    assert track(plan, today=last) == COMPLETED
    plan.refresh_from_db()
    assert plan.status == PlanStatus.COMPLETED
    assert track(plan, today=last) is None


def test_first_miss_moves_to_the_end_second_miss_breaks_the_plan(
    django_capture_on_commit_callbacks,
):
    loan = late_loan()
    plan = plan_for(loan)
    first, second = installments(plan)[:2]
    grace = 3
    after_first = first.due_date + dt.timedelta(days=grace + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert track(plan, today=after_first) == MOVED_TO_END
        assert track(plan, today=after_first) is None  # idempotent
    moved = plan.installments.get(number=first.number)
    assert moved.due_date > max(i.due_date for i in installments(plan) if i.number != first.number)
    assert "moved" in centre_text(loan, "plan_payment_moved_to_end")

    lender = loan.product.lender
    lender.debt_advice_name, lender.debt_advice_phone = "National Debtline", "0808 808 4000"
    lender.save()
    after_second = second.due_date + dt.timedelta(days=grace + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert track(plan, today=after_second) == BROKEN
    plan.refresh_from_db()
    assert plan.status == PlanStatus.BROKEN and plan.ended_on == after_second
    assert LenderEvent.objects.filter(topic="plan.broken").count() == 1
    body = centre_text(loan, "plan_broken")
    assert "plan has ended" in body and "National Debtline" in body
    # Kind: no threats, no capitals, no urgency.
    assert "immediately" not in body.lower() and "legal action" not in body.lower()
    assert track(plan, today=after_second) is None


def test_payments_are_matched_to_plan_installments_oldest_first():
    loan = late_loan()
    plan = plan_for(loan)
    first, second = installments(plan)[:2]
    pay(loan, first.amount + D("10.00"), first.due_date)
    from repayment.plans.keeping_on_track import progress_of

    progress = progress_of(plan, today=first.due_date)
    assert progress.paid_count == 1
    assert progress.installments[1].paid == D("10.00")
    assert progress.next_payment.number == second.number


def test_a_kept_settlement_writes_off_the_rest_once():
    loan = late_loan(paid=1, late_days=120)
    plan = plan_for(loan, kind="settle")
    item = installments(plan)[0]
    pay(loan, item.amount, item.due_date - dt.timedelta(days=1))
    assert track(plan, today=item.due_date) == COMPLETED
    waived = LedgerEntry.objects.filter(loan=loan, kind="waiver")
    assert sum(e.amount for e in waived) == plan.discount
    assert track(plan, today=item.due_date) is None
    assert LedgerEntry.objects.filter(loan=loan, kind="waiver").count() == waived.count()


def test_the_daily_task_runs_every_active_plan():
    loan = late_loan()
    plan = plan_for(loan)
    late = installments(plan)[0].due_date + dt.timedelta(days=10)
    assert keep_plans_on_track(late.isoformat()) == {COMPLETED: 0, MOVED_TO_END: 1, BROKEN: 0}


def test_a_plan_payment_missed_during_a_granted_pause_does_not_end_the_plan():
    loan = late_loan()
    plan = plan_for(loan)
    first = installments(plan)[0]
    after_first = first.due_date + dt.timedelta(days=4)
    Pause.objects.create(
        loan=loan,
        reason="illness",
        starts_on=first.due_date - dt.timedelta(days=1),
        ends_on=after_first + dt.timedelta(days=10),
        status="granted",
    )
    assert track(plan, today=after_first) is None
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and not plan.moved_missed_to_end
