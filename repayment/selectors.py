"""Reads a borrower can cause. Every query is scoped to the borrower at the query itself; a view
looks a loan up among ``loans_of`` its borrower, so another borrower's loan is a 404 like one
that does not exist."""

from django.db.models import Exists, OuterRef

from .models import Borrower, Loan, Plan, PlanStatus


def loans_of(*, borrower: Borrower):
    """The borrower's loans, each marked ``has_active_plan`` so that pages fetch a plan only
    for the loans that have one."""
    active_plan = Plan.objects.filter(loan=OuterRef("pk"), status=PlanStatus.ACTIVE)
    return (
        Loan.objects.filter(borrower=borrower)
        .annotate(has_active_plan=Exists(active_plan))
        .select_related("product__lender", "product__plan_policy", "borrower")
        # What a statement's position reads besides the ledger, for all the loans at once.
        .prefetch_related("product__milestones", "disputes", "pauses", "plans__installments")
        .order_by("-disbursed_on", "reference")
    )
