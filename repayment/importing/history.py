"""Change history of the borrowers and loans a batch writes in bulk, as django-auditlog would
have written it (``bulk_create`` sends no signals). See docs/importing.md."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict

from auditlog import get_logentry_model
from auditlog.cid import get_cid
from auditlog.diff import model_instance_diff
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone

from repayment.models import Borrower, Loan

from .lookups import CHUNK
from .records import BatchOrigin, CleanBorrower, CleanLoan


def _borrower(values: CleanBorrower, pk: int) -> Borrower:
    return Borrower(pk=pk, **asdict(values))


def _loan(values: CleanLoan, pk: int, borrower_id: int) -> Loan:
    fields = asdict(values)
    del fields["borrower_external_id"]
    return Loan(pk=pk, borrower_id=borrower_id, **fields)


def record_batch(
    *,
    borrowers: Sequence[tuple[CleanBorrower, Borrower]],
    loans: Sequence[tuple[CleanLoan, Loan]],
    stored_borrowers: Mapping[str, CleanBorrower],
    stored_loans: Mapping[str, CleanLoan],
    restructured: Collection[str],
    origin: BatchOrigin,
    lender_id: int | None,
) -> None:
    """History entries for the rows written, each given with its values and the row as
    inserted (with its primary key): a creation for those not in ``stored_*``, a change from
    the stored values for the others."""
    LogEntry = get_logentry_model()
    data = origin.history_data(lender_id=lender_id)
    now = timezone.now()
    cid = get_cid()
    entries = []
    borrower_ids = []

    def add(new: Model, old: Model | None, borrower_id: int, extra: dict | None = None):
        changes = model_instance_diff(old, new)
        if not changes:
            return
        entries.append(
            LogEntry(
                content_type=ContentType.objects.get_for_model(type(new)),
                object_pk=str(new.pk),
                object_id=new.pk,
                object_repr=str(new),
                action=LogEntry.Action.CREATE if old is None else LogEntry.Action.UPDATE,
                changes=changes,
                cid=cid,
                remote_addr=origin.remote_addr,
                timestamp=now,
                additional_data={**data, **(extra or {})},
            )
        )
        borrower_ids.append(borrower_id)

    if auditlog.contains(Borrower):
        for values, row in borrowers:
            stored = stored_borrowers.get(values.external_id)
            if stored is None:
                add(row, None, row.pk)
            else:
                add(_borrower(values, row.pk), _borrower(stored, row.pk), row.pk)
    if auditlog.contains(Loan):
        for values, row in loans:
            stored = stored_loans.get(values.external_id)
            if stored is None:
                add(row, None, row.borrower_id)
            else:
                add(
                    _loan(values, row.pk, row.borrower_id),
                    _loan(stored, row.pk, row.borrower_id),
                    row.borrower_id,
                    {"restructure": True} if values.external_id in restructured else None,
                )
    if not entries:
        return
    LogEntry.objects.bulk_create(entries, batch_size=CHUNK)
    if apps.is_installed("portal.audit"):
        # The trail finds a change by its borrower (portal.audit.changes.link_borrower).
        ChangeBorrower = apps.get_model("audit", "ChangeBorrower")
        ChangeBorrower.objects.bulk_create(
            [
                ChangeBorrower(entry_id=entry.pk, borrower_id=borrower_id)
                for entry, borrower_id in zip(entries, borrower_ids, strict=True)
            ],
            batch_size=CHUNK,
        )
