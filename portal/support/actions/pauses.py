"""Answering a pause: grant or decline a request, or end a granted pause early."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from portal.audit.actors import Actor
from portal.audit.recording import record_action
from repayment.hardship import pauses
from repayment.ledger.reading import local_today
from repayment.models import Pause

from .. import queue
from ..models import QueueKind


@transaction.atomic(durable=True)
def do_grant_pause(pause: Pause, *, acting: Actor, reason: str, note: str = "") -> Pause:
    granted = pauses.grant_pause(pause=pause, by=acting.user, note=note)
    _answered(pause, "pause.granted", acting=acting, reason=reason, note=note)
    return granted


@transaction.atomic(durable=True)
def do_decline_pause(pause: Pause, *, acting: Actor, reason: str, note: str) -> Pause:
    declined = pauses.decline_pause(pause=pause, by=acting.user, note=note)
    _answered(pause, "pause.declined", acting=acting, reason=reason, note=note)
    return declined


@transaction.atomic(durable=True)
def do_end_pause(
    pause: Pause, *, acting: Actor, reason: str, note: str = "", today: date | None = None
) -> Pause:
    """End a granted pause today (the borrower's day, unless ``today`` says)."""
    today = today or local_today(timezone.now(), pause.loan.borrower.time_zone)
    ended = pauses.end_pause(pause=pause, by=acting.user, today=today, note=note)
    _answered(pause, "pause.ended", acting=acting, reason=reason, note=note)
    return ended


def _answered(pause: Pause, code: str, *, acting: Actor, reason: str, note: str) -> None:
    record_action(
        acting=acting,
        action=code,
        borrower=pause.loan.borrower,
        target=pause,
        reason=reason,
        details={"note": note},
    )
    queue.release(kind=QueueKind.PAUSE, pk=pause.pk)
