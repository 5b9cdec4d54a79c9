from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from repayment.models import Lender


def find_lender(value: str) -> Lender:
    """The lender a command's argument names, by id or by exact name."""
    lenders = list(
        Lender.objects.filter(pk=int(value))
        if value.isdigit()
        else Lender.objects.filter(name=value)
    )
    if len(lenders) != 1:
        raise CommandError(
            _("No lender %(lender)s.") % {"lender": value}
            if not lenders
            else _("Several lenders are named %(lender)s; give the id.") % {"lender": value}
        )
    return lenders[0]
