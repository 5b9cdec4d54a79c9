"""Resolving a dispute about a ledger entry: uphold it (the entry is reversed) or reject it."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from portal.audit.actors import Actor
from portal.audit.recording import record_action
from repayment.hardship import disputes
from repayment.ledger.reading import local_today
from repayment.models import Dispute

from .. import queue
from ..models import QueueKind


@transaction.atomic(durable=True)
def do_uphold_dispute(
    dispute: Dispute, *, acting: Actor, reason: str, note: str, today: date | None = None
) -> Dispute:
    """The borrower is right: the entry is reversed on ``today`` (the borrower's day unless
    said) and what they owe changes."""
    today = today or local_today(timezone.now(), dispute.loan.borrower.time_zone)
    details = _entry(dispute)
    upheld = disputes.uphold(dispute=dispute, by=acting.user, note=note, today=today)
    _answered(dispute, "dispute.upheld", acting=acting, reason=reason, details=details, note=note)
    return upheld


@transaction.atomic(durable=True)
def do_reject_dispute(dispute: Dispute, *, acting: Actor, reason: str, note: str) -> Dispute:
    details = _entry(dispute)
    rejected = disputes.reject(dispute=dispute, by=acting.user, note=note)
    _answered(dispute, "dispute.rejected", acting=acting, reason=reason, details=details, note=note)
    return rejected


def _entry(dispute: Dispute) -> dict:
    return {"entry": dispute.entry.external_id, "amount": str(dispute.entry.amount)}


def _answered(
    dispute: Dispute, code: str, *, acting: Actor, reason: str, details: dict, note: str
) -> None:
    record_action(
        acting=acting,
        action=code,
        borrower=dispute.loan.borrower,
        target=dispute,
        reason=reason,
        details={**details, "note": note},
    )
    queue.release(kind=QueueKind.DISPUTE, pk=dispute.pk)
