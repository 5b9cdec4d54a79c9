"""Work waiting for staff, made for tests: a proposal, a pause request, a dispute and a
borrower's message in the review queue."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from repayment.hardship.disputes import open_dispute
from repayment.hardship.pauses import request_pause
from repayment.models import Pause, ProposalStatus
from repayment.plans.proposing import save_budget
from tests.factories import ProposalFactory
from tests.repayment.plan_fixtures import late_loan, today_in

D = Decimal


def waiting_proposal(loan=None, *, hours_ago=1, due_in_hours=47):
    """A proposal in the review queue, asked ``hours_ago``; its answer is due ``due_in_hours``
    from now (negative: overdue)."""
    loan = loan or late_loan()
    budget = save_budget(
        loan=loan,
        answers={"earnings": D("5000"), "home": D("1500"), "food": D("800")},
        period="monthly",
    )
    now = timezone.now()
    return ProposalFactory(
        loan=loan,
        budget=budget,
        amount=D("300.00"),
        frequency="monthly",
        start_date=today_in() + dt.timedelta(days=7),
        segment="arrears",
        decision="review",
        reasons=["history"],
        status=ProposalStatus.IN_REVIEW,
        review_due_at=now + dt.timedelta(hours=due_in_hours),
        created_at=now - dt.timedelta(hours=hours_ago),
    )


def waiting_pause(loan=None, *, hours_ago=1):
    loan = loan or late_loan()
    pause = request_pause(
        loan=loan, reason="income_drop", days=45, note="Lost my job", today=today_in()
    )
    Pause.objects.filter(pk=pause.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=hours_ago)
    )
    pause.refresh_from_db()
    return pause


def waiting_dispute(loan=None, *, hours_ago=1):
    loan = loan or late_loan()
    entry = loan.entries.filter(kind="installment_due").first()
    dispute = open_dispute(loan=loan, entry=entry, message="I paid this in cash.")
    type(dispute).objects.filter(pk=dispute.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=hours_ago)
    )
    dispute.refresh_from_db()
    return dispute


def waiting_thread(loan=None, *, hours_ago=1, answer_in_hours=47):
    """A borrower's message waiting for support, written ``hours_ago``; its answer is due
    ``answer_in_hours`` from now (negative: overdue)."""
    from portal.conversations.models import Thread, ThreadStatus

    loan = loan or late_loan()
    now = timezone.now()
    thread = Thread.objects.create(
        borrower=loan.borrower,
        loan=loan,
        subject="A question about my loan",
        status=ThreadStatus.WAITING,
        answer_by=now + dt.timedelta(hours=answer_in_hours),
    )
    Thread.objects.filter(pk=thread.pk).update(
        created_at=now - dt.timedelta(hours=hours_ago),
        updated_at=now - dt.timedelta(hours=hours_ago),
    )
    thread.refresh_from_db()
    return thread
