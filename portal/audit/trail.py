"""Reading the audit trail: the console's own records (views, actions and refusals) and
django-auditlog's change history, merged newest first, filtered by borrower, staff member, kind
of action and dates.

A page is one UNION query with LIMIT (no COUNT over the trail: it only grows) and a few small
queries for the rows' details and the names they show: one each for the records, the changes,
the staff, the borrowers and their loans, and one per kind of object the records name."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db.models import BigIntegerField, CharField, F, Q, Value
from django.db.models.functions import Cast
from django.utils import timezone

from repayment.models import Borrower, Loan

from .models import Record, RecordKind
from .pages import Page
from .wording import (
    ANY,
    HISTORY,
    change_summary,
    has_foreign_key,
    object_words,
    record_summary,
)

RECORD, CHANGE = "record", "change"
EXPORT_BATCH = 500
FEW_BORROWERS = 200


@dataclass(frozen=True)
class TrailFilter:
    borrower: str = ""
    staff: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    # A choice of ``wording.action_choices``: "kind:code", "kind:any" or "history".
    action: str = ""
    # Set by the export, so rows added while it runs do not shift its batches.
    before: dt.datetime | None = None


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class TrailRow:
    at: dt.datetime
    who: str  # the e-mail recorded, which outlives the login
    ip: str | None
    borrower_id: int | None
    borrower_name: str
    kind: str  # "view", "change" or "refused"
    what: str  # in plain words
    code: str  # the recorded code, for the export
    reason: str
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)
    who_name: str = ""  # the login's name today, when it has one
    borrower_references: tuple[str, ...] = ()  # the borrower's loans
    about: str = ""  # the object recorded, in words

    @property
    def kind_label(self) -> str:
        return str(RecordKind(self.kind).label)


def _borrower_ids(text: str):
    """Borrowers a search term names: their number, a loan reference, or part of the name."""
    text = text.strip()
    loans = Loan.objects.filter(reference__iexact=text).values("borrower_id")
    # No join in the OR, so PostgreSQL can use the console's trigram index on the name.
    match = Q(full_name__icontains=text) | Q(pk__in=loans)
    if text.isdigit():
        match |= Q(pk=int(text))
    return Borrower.objects.filter(match).values("pk")


def _staff_ids(text: str):
    return get_user_model().objects.filter(email__icontains=text.strip()).values("pk")


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _branches(f: TrailFilter):
    # No ordering inside the branches: the UNION is ordered once, by time.
    records = Record.objects.order_by()
    changes = LogEntry.objects.order_by()
    if f.borrower.strip():
        ids = _borrower_ids(f.borrower)
        # The ids themselves when they are few, so the planner knows how few and reads the
        # (borrower, time) indexes; a broad search ("wang") stays a subquery.
        few = list(ids.values_list("pk", flat=True)[: FEW_BORROWERS + 1])
        if len(few) <= FEW_BORROWERS:
            ids = few
        records = records.filter(borrower_id__in=ids)
        changes = changes.filter(borrower_link__borrower_id__in=ids)
    if f.staff.strip():
        # By login, through the (actor, time) indexes: logins with a history are never
        # deleted (auditlog's entries refer to them and cannot change).
        staff = _staff_ids(f.staff)
        records = records.filter(actor_id__in=staff)
        changes = changes.filter(actor_id__in=staff)
    if f.date_from:
        records = records.filter(at__gte=_day_start(f.date_from))
        changes = changes.filter(timestamp__gte=_day_start(f.date_from))
    if f.date_to:
        end = _day_start(f.date_to + dt.timedelta(days=1))
        records = records.filter(at__lt=end)
        changes = changes.filter(timestamp__lt=end)
    if f.before:
        records = records.filter(at__lt=f.before)
        changes = changes.filter(timestamp__lt=f.before)
    if f.action:
        records, changes = _by_action(records, changes, f.action)
    # Same columns in the same order on both sides; the source is a typed literal so that
    # PostgreSQL can resolve the UNION's column type.
    # Both sides' columns of exactly one type, so that PostgreSQL merges the two index scans
    # on time instead of sorting both tables (auditlog's ids are 32-bit, ours 64-bit).
    records = records.annotate(
        source=Cast(Value(RECORD), CharField()), when=F("at"), ref=Cast("id", BigIntegerField())
    ).values_list("when", "source", "ref")
    changes = changes.annotate(
        source=Cast(Value(CHANGE), CharField()),
        when=F("timestamp"),
        ref=Cast("id", BigIntegerField()),
    ).values_list("when", "source", "ref")
    return records, changes


def _by_action(records, changes, choice: str):
    """Only the records of one kind of action, or only the change history."""
    if choice == HISTORY:
        return records.none(), changes
    kind, _sep, code = choice.partition(":")
    records = records.filter(kind=kind)
    if code != ANY:
        match = Q(action=code)
        if kind == RecordKind.VIEW:  # a code of views covers its family, as the wording does
            match |= Q(action__startswith=f"{code}.")
        records = records.filter(match)
    return records, changes.none()


def _keys(f: TrailFilter, offset: int, limit: int) -> list[tuple]:
    records, changes = _branches(f)
    return list(
        records.union(changes, all=True).order_by("-when", "-source", "-ref")[
            offset : offset + limit
        ]
    )


def _rows(keys: list[tuple]) -> list[TrailRow]:
    record_ids = [ref for _, source, ref in keys if source == RECORD]
    change_ids = [ref for _, source, ref in keys if source == CHANGE]
    records = Record.objects.in_bulk(record_ids)
    changes = LogEntry.objects.select_related("content_type", "borrower_link").in_bulk(change_ids)
    borrower_ids = {r.borrower_id for r in records.values()} | {
        _linked_borrower(c) for c in changes.values()
    }
    names = _Names(
        borrowers=_borrowers(borrower_ids - {None}),
        staff=_staff_names(
            {r.actor_id for r in records.values()} | {c.actor_id for c in changes.values()}
        ),
        objects=_objects(records.values()),
    )
    rows = []
    for _, source, ref in keys:
        if source == RECORD:
            rows.append(_from_record(records[ref], names))
        else:
            rows.append(_from_change(changes[ref], names))
    return rows


@dataclass(frozen=True)
class _Names:
    borrowers: dict  # id: (full name, (loan reference, ...))
    staff: dict  # login id: name
    objects: dict  # (object type, object id): words

    def borrower(self, pk) -> tuple[str, tuple[str, ...]]:
        return self.borrowers.get(pk, ("", ()))


def _borrowers(ids: set) -> dict:
    if not ids:
        return {}
    references: dict[int, list[str]] = {}
    for borrower_id, reference in (
        Loan.objects.filter(borrower_id__in=ids)
        .order_by("reference")
        .values_list("borrower_id", "reference")
    ):
        references.setdefault(borrower_id, []).append(reference)
    return {
        pk: (name, tuple(references.get(pk, ())))
        for pk, name in Borrower.objects.filter(pk__in=ids).values_list("pk", "full_name")
    }


def _staff_names(ids: set) -> dict:
    ids = ids - {None}
    if not ids:
        return {}
    logins = get_user_model().objects.filter(pk__in=ids)
    return {
        pk: f"{first} {last}".strip()
        for pk, first, last in logins.values_list("pk", "first_name", "last_name")
    }


def _objects(records) -> dict:
    """The records' objects in words: one query per kind of object on the page."""
    wanted: dict[str, set[str]] = {}
    for record in records:
        if record.object_type and record.object_id:
            wanted.setdefault(record.object_type, set()).add(record.object_id)
    words = {}
    for object_type, ids in wanted.items():
        try:
            model = apps.get_model(object_type)
        except (LookupError, ValueError):  # a model since removed
            continue
        related = [name for name in ("loan", "lender") if has_foreign_key(model, name)]
        try:
            found = model._default_manager.select_related(*related).in_bulk(ids)
        except (ValueError, TypeError):  # ids that are not this model's keys
            found = {}
        found = {str(pk): obj for pk, obj in found.items()}
        for object_id in ids:
            words[(object_type, object_id)] = object_words(model, found.get(object_id))
    return words


def _linked_borrower(entry: LogEntry) -> int | None:
    link = getattr(entry, "borrower_link", None)
    return link.borrower_id if link else None


def _from_record(record: Record, names: _Names) -> TrailRow:
    borrower_name, references = names.borrower(record.borrower_id)
    return TrailRow(
        at=record.at,
        who=record.actor_label,
        who_name=names.staff.get(record.actor_id, ""),
        ip=record.ip,
        borrower_id=record.borrower_id,
        borrower_name=borrower_name,
        borrower_references=references,
        kind=record.kind,
        what=record_summary(record),
        about=names.objects.get((record.object_type, record.object_id), ""),
        code=record.action,
        reason=record.reason,
    )


def _from_change(entry: LogEntry, names: _Names) -> TrailRow:
    borrower_id = _linked_borrower(entry)
    borrower_name, references = names.borrower(borrower_id)
    extra = entry.additional_data if isinstance(entry.additional_data, dict) else {}
    return TrailRow(
        at=entry.timestamp,
        who=entry.actor_email or _batch_source(extra),
        who_name=names.staff.get(entry.actor_id, ""),
        ip=entry.remote_addr,
        borrower_id=borrower_id,
        borrower_name=borrower_name,
        borrower_references=references,
        kind=RecordKind.CHANGE,
        what=change_summary(entry),
        code=f"{entry.content_type.app_label}.{entry.content_type.model}.{entry.action}",
        # The reason given in Django's admin (portal.admin_reasons).
        reason=str(extra.get("reason", "")),
        changes=field_changes(entry),
    )


def _batch_source(extra: dict) -> str:
    """Who wrote a change a lender's batch made (repayment.importing.history): the API key's
    label or the file's name, and the batch, since no person did."""
    label = extra.get("lender_key") or extra.get("file")
    if not extra.get("source") or not label:
        return ""
    return f"{extra['source']}: {label} (batch {str(extra.get('batch', ''))[:8]})"


def field_changes(entry: LogEntry) -> tuple[FieldChange, ...]:
    """The entry's changes with field names in words and choices by their label. Related
    objects stay as their ids: looking each one up would cost a query per field."""
    model = entry.content_type.model_class()
    result = []
    for name, values in (entry.changes or {}).items():
        label, choices = _field_words(model, name)
        if isinstance(values, dict):  # many-to-many: {"operation": "add", "objects": [...]}
            objects = ", ".join(str(o) for o in values.get("objects", []))
            old, new = ("", objects) if values.get("operation") == "add" else (objects, "")
        else:
            old, new = [*values, None, None][:2]
        result.append(FieldChange(label, _shown(old, choices), _shown(new, choices)))
    return tuple(result)


def _field_words(model, name: str) -> tuple[str, dict]:
    try:
        model_field = model._meta.get_field(name)
    except (AttributeError, FieldDoesNotExist):  # the model or field has since gone
        return name, {}
    choices = {str(k): str(v) for k, v in (getattr(model_field, "choices", None) or [])}
    return str(getattr(model_field, "verbose_name", name)), choices


def _shown(value, choices: dict) -> str:
    if value is None or value == "None":
        return ""
    return choices.get(str(value), str(value))


def trail_page(f: TrailFilter, *, number: int, size: int = 50) -> Page:
    keys = _keys(f, (number - 1) * size, size + 1)
    return Page(items=_rows(keys[:size]), number=number, has_next=len(keys) > size)


def trail_rows(f: TrailFilter) -> Iterator[TrailRow]:
    """Every row that matches, newest first, fetched in batches for the export."""
    f = dataclasses.replace(f, before=f.before or timezone.now())
    offset = 0
    while True:
        keys = _keys(f, offset, EXPORT_BATCH)
        yield from _rows(keys)
        if len(keys) < EXPORT_BATCH:
            return
        offset += EXPORT_BATCH
