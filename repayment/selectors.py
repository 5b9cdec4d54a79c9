"""Reads a borrower can cause. Every query is scoped to the borrower at the query itself."""

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from .models import Borrower, Loan, Plan, PlanStatus


def loans_of(*, borrower: Borrower):
    """The borrower's loans, each marked ``has_active_plan`` so that pages fetch a plan only
    for the loans that have one."""
    active_plan = Plan.objects.filter(loan=OuterRef("pk"), status=PlanStatus.ACTIVE)
    return (
        Loan.objects.filter(borrower=borrower)
        .annotate(has_active_plan=Exists(active_plan))
        .select_related("product__lender", "borrower")
        .prefetch_related("product__milestones")
        .order_by("-disbursed_on", "reference")
    )


def loan_of(*, borrower: Borrower, reference: str) -> Loan:
    """The borrower's loan with this reference, or 404: another borrower's loan is
    indistinguishable from one that does not exist."""
    return get_object_or_404(loans_of(borrower=borrower), reference=reference)
