"""Reads a borrower can cause. Every query is scoped to the borrower at the query itself."""

from django.shortcuts import get_object_or_404

from .models import Borrower, Loan


def loans_of(*, borrower: Borrower):
    return (
        Loan.objects.filter(borrower=borrower)
        .select_related("product__lender", "borrower")
        .prefetch_related("product__milestones")
        .order_by("-disbursed_on", "reference")
    )


def loan_of(*, borrower: Borrower, reference: str) -> Loan:
    """The borrower's loan with this reference, or 404: another borrower's loan is
    indistinguishable from one that does not exist."""
    return get_object_or_404(loans_of(borrower=borrower), reference=reference)
