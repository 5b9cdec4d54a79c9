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

# What a statement's position reads besides the ledger, marked on each loan so that a loan with
# none of it (most loans) costs no query for it (statements/circumstances.py): the mark's name,
# the model, its statuses, and whether a row must have one of them (or none of them).
LOAN_MARKS = (
    ("has_active_plan", Plan, (PlanStatus.ACTIVE,), True),
    ("has_plan", Plan, (PlanStatus.CANCELLED,), False),
    ("has_open_dispute", Dispute, (DisputeStatus.OPEN,), True),
    ("has_pause", Pause, (PauseStatus.GRANTED, PauseStatus.ENDED), True),
    ("has_open_promise", Promise, (PromiseStatus.OPEN,), True),
    ("has_open_report", PaymentReport, (PaymentReportStatus.OPEN,), True),
)


def loans_of(*, borrower: Borrower):
    """The borrower's loans, each marked as ``LOAN_MARKS`` says (whether it has an active plan,
    plans, open disputes, pauses, an open promise or payment report at all) so that pages fetch
    them only for the loans that have them."""
    marks = {}
    for name, model, statuses, among in LOAN_MARKS:
        rows = model.objects.filter(loan=OuterRef("pk"))
        rows = rows.filter(status__in=statuses) if among else rows.exclude(status__in=statuses)
        marks[name] = Exists(rows)
    return (
        Loan.objects.filter(borrower=borrower)
        .annotate(**marks)
        .select_related("product__lender", "product__plan_policy", "borrower")
        .prefetch_related("product__milestones")
        .order_by("-disbursed_on", "reference")
    )
