"""Whether a borrower sees when staff viewed their account: each lender decides (through a
compliance reviewer); a lender with no setting shows it."""

from django.db import transaction

from repayment.models import Borrower, Lender

from .actors import Actor
from .models import Disclosure
from .recording import record_action


def shows_staff_views(*, borrower: Borrower) -> bool:
    """Shown unless a lender of one of the borrower's loans has turned it off: one lender's
    "off" is not overruled by another's "on"."""
    return not Disclosure.objects.filter(
        lender__products__loans__borrower=borrower, show_staff_views=False
    ).exists()


def set_disclosure(*, acting: Actor, lender: Lender, show: bool, reason: str) -> Disclosure:
    with transaction.atomic():
        disclosure, created = Disclosure.objects.select_for_update().get_or_create(
            lender=lender, defaults={"show_staff_views": show}
        )
        if not created and disclosure.show_staff_views != show:
            disclosure.show_staff_views = show
            disclosure.save()
        record_action(
            acting=acting,
            action="audit.disclosure_on" if show else "audit.disclosure_off",
            target=disclosure,
            reason=reason,
            details={"lender": lender.name, "lender_id": lender.pk},
        )
    return disclosure
