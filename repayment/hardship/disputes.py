"""Disputes: a borrower questions an entry on their statement, and staff answer.

Upholding posts a reversal of the entry (the ledger is append-only: a correction is a new
entry, never an edit), so the statement corrects itself and servicing, which knows entries by
their ids, never posts it again. Rejecting leaves the ledger as it is. Either way the answer is
written down for the borrower, and the borrower and the lender are told, in one transaction.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from repayment.events import tell_borrower, tell_lender
from repayment.locking import still_in
from repayment.models import Dispute, DisputeStatus, EntryKind, EntrySource, LedgerEntry, Loan
from repayment.models.lender_events import LenderTopic
from repayment.position_table.keeping import refresh_loan


class DisputeError(Exception):
    pass


def disputable_entries(loan: Loan):
    """The loan's entries a borrower may question: a correction can't itself be questioned;
    the entry it corrects can."""
    return LedgerEntry.objects.filter(loan=loan).exclude(kind=EntryKind.REVERSAL)


def open_dispute(*, loan: Loan, entry: LedgerEntry, message: str) -> Dispute:
    if entry.loan_id != loan.pk:
        raise DisputeError(_("That entry is not on this loan."))
    message = message.strip()
    if not message:
        raise DisputeError(_("Tell us what looks wrong, in a few words."))
    try:
        with transaction.atomic():
            dispute = Dispute.objects.create(loan=loan, entry=entry, message=message)
            refresh_loan(loan)
            tell_lender(
                loan=loan,
                topic=LenderTopic.DISPUTE_OPENED,
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


def uphold(*, dispute: Dispute, by, note: str, today: date) -> Dispute:
    """The borrower is right: reverse the entry and say so."""
    note = _required(note)
    with transaction.atomic():
        locked = _locked(dispute)
        entry = LedgerEntry.objects.get(pk=locked.entry_id)
        if entry.kind == EntryKind.REVERSAL or LedgerEntry.objects.filter(reverses=entry).exists():
            raise DisputeError(_("This entry has already been corrected."))
        loan = locked.loan
        with translation.override(loan.borrower.preferred_language):
            description = _("Correction after your question")
        correction = LedgerEntry.objects.create(
            loan=loan,
            external_id=f"dispute-{locked.pk}-correction",
            kind=EntryKind.REVERSAL,
            effective_date=today,
            amount=entry.amount,
            reverses=entry,
            description=description,
            source=EntrySource.SUPPORT,
        )
        _resolve(locked, by=by, note=note, status=DisputeStatus.UPHELD)
        refresh_loan(loan)
        _tell(
            locked,
            entry,
            outcome=DisputeStatus.UPHELD,
            extra={"correction": correction.external_id, "amount": str(correction.amount)},
        )
    return locked


def reject(*, dispute: Dispute, by, note: str) -> Dispute:
    """The entry stands: explain why."""
    note = _required(note)
    with transaction.atomic():
        locked = _locked(dispute)
        _resolve(locked, by=by, note=note, status=DisputeStatus.REJECTED)
        refresh_loan(locked.loan_id)
        _tell(locked, LedgerEntry.objects.get(pk=locked.entry_id), outcome=DisputeStatus.REJECTED)
    return locked


def questions_of(loan: Loan, *, limit: int = 20) -> list[Dispute]:
    """The borrower's questions about entries, newest first, with their entries."""
    return list(loan.disputes.select_related("entry").order_by("-created_at")[:limit])


def _required(note: str) -> str:
    note = (note or "").strip()
    if not note:
        raise DisputeError(_("Write the answer the borrower will read: what you checked and why."))
    return note


def _locked(dispute: Dispute) -> Dispute:
    return still_in(
        dispute,
        DisputeStatus.OPEN,
        refusal=DisputeError(_("This question has already been answered.")),
    )


def _resolve(dispute: Dispute, *, by, note: str, status: str) -> None:
    dispute.status = status
    dispute.resolution = note
    dispute.resolved_at = timezone.now()
    dispute.resolved_by = by
    dispute.save(update_fields=["status", "resolution", "resolved_at", "resolved_by"])


def _tell(dispute: Dispute, entry: LedgerEntry, *, outcome: str, extra: dict | None = None):
    loan = dispute.loan
    with translation.override(loan.borrower.preferred_language):
        if outcome == DisputeStatus.UPHELD:
            verdict = _(
                "You were right. We have corrected your statement: the entry no longer counts "
                "towards what you owe."
            )
        else:
            verdict = _("We checked the entry against our records, and it is correct.")
    tell_lender(
        loan=loan,
        topic=LenderTopic.DISPUTE_RESOLVED,
        key=f"dispute.resolved:{dispute.pk}",
        payload={
            "dispute": dispute.pk,
            "entry": entry.external_id,
            "outcome": str(outcome),
            "answer": dispute.resolution,
            **(extra or {}),
        },
    )
    tell_borrower(
        loan=loan,
        event="dispute_resolved",
        about=f"dispute{dispute.pk}",
        facts={"outcome": f"{verdict}\n\n{dispute.resolution}"},
    )
