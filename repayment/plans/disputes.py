"""Disputes: a borrower questions an entry on their statement."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import Dispute, LedgerEntry, Loan
from .events import tell_borrower, tell_lender


class DisputeError(Exception):
    pass


def open_dispute(*, loan: Loan, entry: LedgerEntry, message: str) -> Dispute:
    if entry.loan_id != loan.pk:
        raise DisputeError(_("That entry is not on this loan."))
    message = message.strip()
    if not message:
        raise DisputeError(_("Tell us what looks wrong, in a few words."))
    try:
        with transaction.atomic():
            dispute = Dispute.objects.create(loan=loan, entry=entry, message=message)
            tell_lender(
                loan=loan,
                topic="dispute.opened",
                key=f"dispute.opened:{dispute.pk}",
                payload={
                    "dispute": dispute.pk,
                    "entry": entry.external_id,
                    "message": message,
                },
            )
            tell_borrower(loan=loan, event="dispute_received", about=f"dispute{dispute.pk}")
    except IntegrityError:
        raise DisputeError(
            _("You have already told us about this entry. We are looking at it.")
        ) from None
    return dispute
