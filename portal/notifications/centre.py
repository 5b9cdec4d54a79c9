"""The message centre: the in-portal messages sent to a borrower, read from the outbox. Every
query is scoped to one borrower, so nobody can open or mark another borrower's message."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.utils import timezone

from portal.notifications.contact_rules.rules import Channel
from repayment.engagement.recording import record
from repayment.models import EngagementKind

from .models import OutboundMessage, Status


def messages_of(*, borrower_id: int) -> QuerySet[OutboundMessage]:
    """The borrower's message centre, newest first."""
    return OutboundMessage.objects.filter(
        borrower_id=borrower_id, channel=Channel.IN_PORTAL, status=Status.SENT
    ).order_by(F("sent_at").desc(nulls_last=True), "-pk")


def unread_count(*, borrower_id: int) -> int:
    return messages_of(borrower_id=borrower_id).filter(read_at__isnull=True).count()


def mark_read(*, message: OutboundMessage) -> None:
    """The borrower opened the message: read from now on, and an engagement event the first
    time (opening it again is not news)."""
    if message.read_at is None:
        message.read_at = timezone.now()
        opened = OutboundMessage.objects.filter(pk=message.pk, read_at__isnull=True).update(
            read_at=message.read_at
        )
        if opened:
            record(
                EngagementKind.MESSAGE_OPENED,
                borrower_id=message.borrower_id,
                loan_id=message.loan_id,
                at=message.read_at,
            )


def mark_all_read(*, borrower_id: int) -> int:
    return (
        messages_of(borrower_id=borrower_id)
        .filter(read_at__isnull=True)
        .update(read_at=timezone.now())
    )
