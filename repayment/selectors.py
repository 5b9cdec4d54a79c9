"""Reads a borrower can cause. Every query is scoped to the borrower at the query itself; a view
looks a loan up among ``loans_of`` its borrower, so another borrower's loan is a 404 like one
that does not exist."""

from django.db.models import Exists, OuterRef

from .models import (
    Borrower,
    Dispute,
    DisputeStatus,
    Loan,
    Pause,
    PauseStatus,
    PaymentReport,
    PaymentReportStatus,
    Plan,
    PlanStatus,
    Promise,
    PromiseStatus,
)


def loans_of(*, borrower: Borrower):
    """The borrower's loans, each marked ``has_active_plan`` (and whether it has plans, open
    disputes and pauses at all) so that pages fetch them only for the loans that have them."""
    loan = OuterRef("pk")
    plans = Plan.objects.filter(loan=loan)
    return (
        Loan.objects.filter(borrower=borrower)
        # What a statement's position reads besides the ledger, marked so that a loan with
        # none of it (most loans) costs no query for it (statements/circumstances.py).
        .annotate(
            has_active_plan=Exists(plans.filter(status=PlanStatus.ACTIVE)),
            has_plan=Exists(plans.exclude(status=PlanStatus.CANCELLED)),
            has_open_dispute=Exists(Dispute.objects.filter(loan=loan, status=DisputeStatus.OPEN)),
            has_pause=Exists(
                Pause.objects.filter(loan=loan, status__in=[PauseStatus.GRANTED, PauseStatus.ENDED])
            ),
            has_open_promise=Exists(Promise.objects.filter(loan=loan, status=PromiseStatus.OPEN)),
            has_open_report=Exists(
                PaymentReport.objects.filter(loan=loan, status=PaymentReportStatus.OPEN)
            ),
        )
        .select_related("product__lender", "product__plan_policy", "borrower")
        .prefetch_related("product__milestones")
        .order_by("-disbursed_on", "reference")
    )
