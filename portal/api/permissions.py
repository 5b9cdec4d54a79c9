from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from repayment.borrowers import borrower_of


class IsLinkedBorrower(BasePermission):
    """A login linked to a borrower. Sets ``view.borrower``, which every query is scoped by."""

    message = _(
        "This login is not linked to a borrower yet. Sign in on the website once and link it "
        "with your invitation, or with your loan reference and date of birth."
    )
    code = "not_linked"

    def has_permission(self, request, view) -> bool:
        borrower = borrower_of(user=request.user)
        if borrower is None:
            return False
        view.borrower = borrower
        return True
