"""The review queue: proposals, pauses and disputes waiting for a person, oldest first, who has
taken each, and who answered it. Reads are three queries whatever the queue's length (one per
kind, each with its holder joined in); a take locks the item's assignment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.audit.models import Record, RecordKind
from repayment.models import (
    Dispute,
    DisputeStatus,
    Pause,
    PauseStatus,
    Proposal,
    ProposalStatus,
)

from .models import Assignment, QueueKind

ALL, MINE, NOBODY = "all", "mine", "nobody"
SHOWS = (ALL, MINE, NOBODY)
# Enough for a morning's work; the oldest always come first, so nothing old is ever hidden.
PAGE = 200

# What a person needs to answer each kind, and so to take it.
ANSWERING = {
    QueueKind.PROPOSAL: "support.answer_proposals",
    QueueKind.PAUSE: "support.decide_pauses",
    QueueKind.DISPUTE: "support.resolve_disputes",
}
TAKE_OVER = "support.reassign_work"


class QueueError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Item:
    kind: str
    pk: int
    borrower_id: int
    borrower_name: str
    loan_reference: str
    waiting_since: datetime
    due_at: datetime | None
    holder_id: int | None
    holder_name: str

    def waited(self, now: datetime) -> timedelta:
        return now - self.waiting_since

    def overdue(self, now: datetime) -> bool:
        return self.due_at is not None and self.due_at < now

    @property
    def kind_label(self) -> str:
        return QueueKind(self.kind).label


def _waiting(kind: str):
    if kind == QueueKind.PROPOSAL:
        return Proposal.objects.filter(status=ProposalStatus.IN_REVIEW)
    if kind == QueueKind.PAUSE:
        return Pause.objects.filter(status=PauseStatus.REQUESTED)
    return Dispute.objects.filter(status=DisputeStatus.OPEN)


def _rows(kind: str, *, user, show: str):
    holders = Assignment.objects.filter(kind=kind, object_id=OuterRef("pk"))
    rows = _waiting(kind)
    if show == MINE:
        rows = rows.filter(Exists(holders.filter(user=user)))
    elif show == NOBODY:
        rows = rows.exclude(Exists(holders))
    return (
        rows.annotate(
            holder_id=Subquery(holders.values("user_id")[:1]),
            holder_first=Subquery(holders.values("user__first_name")[:1]),
            holder_last=Subquery(holders.values("user__last_name")[:1]),
            holder_username=Subquery(holders.values("user__username")[:1]),
        )
        .order_by("created_at", "pk")
        .values(
            "pk",
            "created_at",
            "loan__reference",
            "loan__borrower_id",
            "loan__borrower__full_name",
            "holder_id",
            "holder_first",
            "holder_last",
            "holder_username",
            *(["review_due_at"] if kind == QueueKind.PROPOSAL else []),
        )[:PAGE]
    )


def _name(first: str | None, last: str | None, username: str | None) -> str:
    return " ".join(part for part in (first, last) if part) or username or ""


def waiting(*, user, show: str = ALL) -> tuple[Item, ...]:
    """What is waiting, oldest first across the kinds; ``show`` is all, mine or nobody's."""
    if show not in SHOWS:
        show = ALL
    items = [
        Item(
            kind=kind.value,
            pk=row["pk"],
            borrower_id=row["loan__borrower_id"],
            borrower_name=row["loan__borrower__full_name"],
            loan_reference=row["loan__reference"],
            waiting_since=row["created_at"],
            due_at=row.get("review_due_at"),
            holder_id=row["holder_id"],
            holder_name=_name(row["holder_first"], row["holder_last"], row["holder_username"]),
        )
        for kind in QueueKind
        for row in _rows(kind, user=user, show=show)
    ]
    items.sort(key=lambda item: (item.waiting_since, item.kind, item.pk))
    return tuple(items[:PAGE])


def how_long(delta: timedelta) -> str:
    """A wait in two units at most ("3 days 4 hours"): enough to compare waits at a glance."""
    minutes = max(0, int(delta.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    day_text = ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    hour_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minute_text = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    if days:
        return f"{day_text} {hour_text}" if hours else day_text
    if hours:
        return f"{hour_text} {minute_text}" if minutes else hour_text
    if minutes:
        return minute_text
    return _("under a minute")


def item_of(kind: str, pk: int):
    """The waiting proposal, pause or dispute, with its loan and borrower; None when it is not
    waiting any more (answered, or no such thing)."""
    if kind not in QueueKind.values:
        return None
    return _waiting(kind).select_related("loan__borrower").filter(pk=pk).first()


@dataclass(frozen=True, slots=True)
class Taken:
    item: object
    previous_holder: str  # whose it was, when a supervisor took it over; "" otherwise


def take(*, kind: str, pk: int, user) -> Taken:
    """Give the item to ``user``. Raises QueueError, changing nothing, when the item is not
    waiting, the user cannot answer its kind, or someone else has it and the user may not take
    it over. Call inside the transaction that records it."""
    item = item_of(kind, pk)
    if item is None:
        raise QueueError(_("This is no longer waiting: someone has answered it."))
    if not user.has_perm(ANSWERING[kind]):
        raise QueueError(_("Your role cannot answer this kind of request."))
    current = (
        Assignment.objects.select_for_update()
        .select_related("user")
        .filter(kind=kind, object_id=pk)
        .first()
    )
    if current is not None and current.user_id == user.pk:
        return Taken(item=item, previous_holder="")
    if current is not None:
        if not user.has_perm(TAKE_OVER):
            raise QueueError(
                _("%(name)s is already dealing with this. Ask a supervisor to reassign it.")
                % {
                    "name": _name(
                        current.user.first_name, current.user.last_name, current.user.username
                    )
                }
            )
        previous = _name(current.user.first_name, current.user.last_name, current.user.username)
        current.user = user
        current.save(update_fields=["user", "assigned_at"])
        return Taken(item=item, previous_holder=previous)
    try:
        with transaction.atomic():
            Assignment.objects.create(kind=kind, object_id=pk, user=user)
    except IntegrityError:
        raise QueueError(
            _("Someone took this a moment ago. Reload the queue to see who.")
        ) from None
    return Taken(item=item, previous_holder="")


def release(*, kind: str, pk: int) -> None:
    """The item is answered: it leaves everyone's list."""
    Assignment.objects.filter(kind=kind, object_id=pk).delete()


def last_answer(item) -> Record | None:
    """Who answered the proposal, pause or dispute, when and why: the latest change recorded
    on it, other than someone taking it."""
    return (
        Record.objects.filter(
            kind=RecordKind.CHANGE,
            object_type=item._meta.label_lower,
            object_id=str(item.pk),
        )
        .exclude(action__endswith=".taken")
        .order_by("-at")
        .first()
    )
