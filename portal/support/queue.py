"""The review queue: proposals, pauses, disputes and borrowers' messages waiting for a person,
when each answer is due, who has taken each, and who answered it. Reads are four queries
whatever the queue's length (one per kind, each with its holder joined in); a take or an
assignment locks the item's assignment.

When an answer is due: a proposal's ``review_due_at`` (the plan policy's review hours), a
message thread's ``answer_by`` (the lender's service level), and for a pause or a dispute two
working days after it came in (``repayment.hardship.answer_time``), the time the borrower is
told on the help page, in the help box and by the API. Working days are counted by the one rule
messages use (``portal.core.working_time``): Saturdays and Sundays in the borrower's time zone
do not count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.fields import DateTimeField
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.audit.models import Record, RecordKind
from portal.conversations.models import Thread, ThreadStatus
from repayment.hardship.answer_time import reply_due
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
# Which answers, by when they are due; "today" is the reader's own day.
ANY_TIME, OVERDUE, TODAY = "any", "overdue", "today"
DUES = (ANY_TIME, OVERDUE, TODAY)
# Soonest due first (so the overdue lead), or longest waiting first.
BY_DUE, BY_WAITING = "due", "waiting"
ORDERS = (BY_DUE, BY_WAITING)
# Enough for a morning's work; the soonest due always come first, so nothing late is hidden.
PAGE = 200

# What a person needs to answer each kind, and so to take it or be given it.
ANSWERING = {
    QueueKind.PROPOSAL: "support.answer_proposals",
    QueueKind.PAUSE: "support.decide_pauses",
    QueueKind.DISPUTE: "support.resolve_disputes",
    QueueKind.MESSAGE: "conversations.reply_to_borrowers",
}
TAKE_OVER = "support.reassign_work"
# Recorded on an item without answering it: who has it, and sign-offs asked and given.
NOT_ANSWERS = r"\.(taken|assigned|sign_off_requested|signed_off|sent_back)$"


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

    def due_by(self, end: datetime) -> bool:
        return self.due_at is not None and self.due_at < end

    @property
    def kind_label(self) -> str:
        return QueueKind(self.kind).label


MODELS = {
    QueueKind.PROPOSAL: Proposal,
    QueueKind.PAUSE: Pause,
    QueueKind.DISPUTE: Dispute,
    QueueKind.MESSAGE: Thread,
}
WAITING = {
    QueueKind.PROPOSAL: ProposalStatus.IN_REVIEW,
    QueueKind.PAUSE: PauseStatus.REQUESTED,
    QueueKind.DISPUTE: DisputeStatus.OPEN,
    QueueKind.MESSAGE: ThreadStatus.WAITING,
}


def model_of(kind: str):
    return MODELS[QueueKind(kind)]


def _waiting(kind: str):
    return MODELS[QueueKind(kind)].objects.filter(status=WAITING[QueueKind(kind)])


def _columns(kind: str) -> dict:
    """Each kind's fields under the queue's own names."""
    if kind == QueueKind.MESSAGE:
        return {
            "q_since": F("updated_at"),
            "q_due": F("answer_by"),
            "q_borrower": F("borrower_id"),
            "q_name": F("borrower__full_name"),
            "q_reference": F("loan__reference"),
            "q_zone": F("borrower__time_zone"),
        }
    return {
        "q_since": F("created_at"),
        "q_due": F("review_due_at")
        if kind == QueueKind.PROPOSAL
        else Value(None, output_field=DateTimeField()),
        "q_borrower": F("loan__borrower_id"),
        "q_name": F("loan__borrower__full_name"),
        "q_reference": F("loan__reference"),
        "q_zone": F("loan__borrower__time_zone"),
    }


def _rows(kind: str, *, user, show: str, capped: bool = True):
    holders = Assignment.objects.filter(kind=kind, object_id=OuterRef("pk"))
    rows = _waiting(kind)
    if show == MINE:
        rows = rows.filter(Exists(holders.filter(user=user)))
    elif show == NOBODY:
        rows = rows.exclude(Exists(holders))
    # The soonest due first: for pauses and disputes, due two working days after they came in,
    # that is the oldest.
    if kind in (QueueKind.PROPOSAL, QueueKind.MESSAGE):
        order = [F("q_due").asc(nulls_last=True), "q_since", "pk"]
    else:
        order = ["q_since", "pk"]
    return (
        rows.annotate(
            **_columns(kind),
            holder_id=Subquery(holders.values("user_id")[:1]),
            holder_first=Subquery(holders.values("user__first_name")[:1]),
            holder_last=Subquery(holders.values("user__last_name")[:1]),
            holder_username=Subquery(holders.values("user__username")[:1]),
        )
        .order_by(*order)
        .values(
            "pk",
            "q_since",
            "q_due",
            "q_borrower",
            "q_name",
            "q_reference",
            "q_zone",
            "holder_id",
            "holder_first",
            "holder_last",
            "holder_username",
        )[: PAGE if capped else None]
    )


def _name(first: str | None, last: str | None, username: str | None) -> str:
    return " ".join(part for part in (first, last) if part) or username or ""


def name_of(user) -> str:
    return _name(user.first_name, user.last_name, user.get_username())


def due_at(kind: str, *, since: datetime, due: datetime | None, time_zone: str) -> datetime | None:
    """When the answer is due: the item's own time, or two working days after a pause or a
    dispute came in."""
    if kind in (QueueKind.PAUSE, QueueKind.DISPUTE):
        return reply_due(since, time_zone=time_zone)
    return due


def end_of_today(now: datetime) -> datetime:
    """The next midnight in the current time zone (the reader's own, in the console)."""
    local = timezone.localtime(now)
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def waiting(
    *,
    user,
    show: str = ALL,
    due: str = ANY_TIME,
    order: str = BY_DUE,
    now: datetime | None = None,
    capped: bool = True,
) -> tuple[Item, ...]:
    """What is waiting across the kinds, the soonest due first (those with no set time last),
    or the longest waiting first; ``show`` is all, mine or nobody's, ``due`` any time, overdue
    or due by the end of today. A page's worth (``PAGE``) unless not ``capped``."""
    show = show if show in SHOWS else ALL
    now = now or timezone.now()
    items = [
        Item(
            kind=kind.value,
            pk=row["pk"],
            borrower_id=row["q_borrower"],
            borrower_name=row["q_name"],
            loan_reference=row["q_reference"] or "",
            waiting_since=row["q_since"],
            due_at=due_at(kind, since=row["q_since"], due=row["q_due"], time_zone=row["q_zone"]),
            holder_id=row["holder_id"],
            holder_name=_name(row["holder_first"], row["holder_last"], row["holder_username"]),
        )
        for kind in QueueKind
        for row in _rows(kind, user=user, show=show, capped=capped)
    ]
    if due == OVERDUE:
        items = [item for item in items if item.overdue(now)]
    elif due == TODAY:
        end = end_of_today(now)
        items = [item for item in items if item.due_by(end)]
    if order == BY_WAITING:
        items.sort(key=lambda item: (item.waiting_since, item.kind, item.pk))
    else:
        items.sort(
            key=lambda item: (
                item.due_at is None,
                item.due_at or item.waiting_since,
                item.waiting_since,
                item.kind,
                item.pk,
            )
        )
    return tuple(items[:PAGE] if capped else items)


@dataclass(frozen=True, slots=True)
class DueCounts:
    overdue: int
    due_today: int  # due before the end of today and not yet overdue
    waiting: int


def due_counts(*, now: datetime | None = None) -> DueCounts:
    """How many answers are overdue and how many fall due later today, across the kinds: all
    of them, not the queue's first page."""
    now = now or timezone.now()
    end = end_of_today(now)
    items = waiting(user=None, now=now, capped=False)
    overdue = sum(1 for item in items if item.overdue(now))
    return DueCounts(
        overdue=overdue,
        due_today=sum(1 for item in items if item.due_by(end)) - overdue,
        waiting=len(items),
    )


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
    """The waiting proposal, pause, dispute or message thread, with its borrower; None when it
    is not waiting any more (answered, or no such thing)."""
    if kind not in QueueKind.values:
        return None
    related = "borrower" if kind == QueueKind.MESSAGE else "loan__borrower"
    return _waiting(kind).select_related(related).filter(pk=pk).first()


def borrower_of(item):
    """Whose the queue item is: a thread names its borrower, the others their loan's."""
    return item.borrower if isinstance(item, Thread) else item.loan.borrower


def colleagues(kind: str):
    """Who may be given an item of ``kind``: active logins holding its answering permission,
    through a role or of their own, by name."""
    app_label, codename = ANSWERING[kind].split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
            | Q(is_superuser=True)
        )
        .filter(borrower__isnull=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


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


def assign(*, kind: str, pk: int, to, user) -> Taken:
    """Give the item to the colleague ``to``, on behalf of ``user``. Raises QueueError,
    changing nothing, when the item is not waiting, ``to`` cannot answer its kind, or it is
    someone else's and ``user`` may not move it (only its holder, or a supervisor, may).
    Call inside the transaction that records it."""
    item = item_of(kind, pk)
    if item is None:
        raise QueueError(_("This is no longer waiting: someone has answered it."))
    if not user.has_perm(ANSWERING[kind]):
        raise QueueError(_("Your role cannot answer this kind of request."))
    if to is None or not colleagues(kind).filter(pk=to.pk).exists():
        raise QueueError(
            _("%(name)s cannot answer this kind of request. Choose someone who can.")
            % {"name": name_of(to) if to is not None else _("That person")}
        )
    current = (
        Assignment.objects.select_for_update()
        .select_related("user")
        .filter(kind=kind, object_id=pk)
        .first()
    )
    if current is not None and current.user_id == to.pk:
        return Taken(item=item, previous_holder="")
    if current is not None:
        if current.user_id != user.pk and not user.has_perm(TAKE_OVER):
            raise QueueError(
                _("%(name)s is already dealing with this. Ask a supervisor to reassign it.")
                % {"name": name_of(current.user)}
            )
        previous = name_of(current.user)
        current.user = to
        current.save(update_fields=["user", "assigned_at"])
        return Taken(item=item, previous_holder=previous)
    try:
        with transaction.atomic():
            Assignment.objects.create(kind=kind, object_id=pk, user=to)
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
        .exclude(action__regex=NOT_ANSWERS)
        .order_by("-at")
        .first()
    )
