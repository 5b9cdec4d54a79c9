"""Servicing a chunk of the book at once: the loans' ledgers, plans and pauses are read in a
fixed number of queries whatever the chunk's size, the same pure rule (``plan_postings``)
decides each loan's postings, and they are written in one insert, with the loans' kept
positions, in one transaction. Idempotent: an entry's id is fixed by its installment, and the
database keeps one of each per loan (a second run posts nothing). See docs/servicing.md."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from repayment.ledger.reading import local_today
from repayment.models import EntrySource, LedgerEntry, Loan
from repayment.position_table.keeping import refresh
from repayment.position_table.reading import read_inputs
from repayment.servicing.postings import Posting, plan_postings
from repayment.statements.circumstances import freezes_from

CHUNK = 2000


def planned(
    loan_ids: Iterable[int], *, now: datetime, today: date | None = None
) -> Iterator[tuple[Loan, list[Posting]]]:
    """Each serviced loan of ``loan_ids`` with what servicing should post for it up to its
    borrower's own today at ``now`` (or ``today``). Reads only."""
    for inputs in read_inputs(loan_ids):
        loan, hardship = inputs.loan, inputs.hardship
        if not loan.product.servicing_enabled:
            continue
        freezes = freezes_from(
            pauses=[pause[1:] for pause in hardship.pauses],  # without the id
            plans=[(starts_on, ended_on) for _pk, _s, starts_on, ended_on, _c in hardship.plans],
            freeze_fees_during_plan=hardship.freeze_fees_during_plan,
        )
        day = today or local_today(now, loan.borrower.time_zone)
        yield loan, plan_postings(loan=loan, lines=inputs.lines, today=day, freezes=freezes)


def service_chunk(
    loan_ids: Iterable[int], *, now: datetime | None = None, today: date | None = None
) -> int:
    """Post what is missing for a chunk of loans; how many entries were posted. The loans are
    locked, in id order, for the transaction: a second run at the same time waits, then finds
    everything posted."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = list(
            Loan.objects.select_for_update()
            .filter(pk__in=list(loan_ids))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        rows, touched = [], []
        for loan, postings in planned(locked, now=now, today=today):
            if postings:
                touched.append(loan.pk)
            rows += [
                LedgerEntry(
                    loan_id=loan.pk,
                    external_id=posting.external_id,
                    kind=posting.kind,
                    effective_date=posting.effective_date,
                    amount=posting.amount,
                    source=EntrySource.SERVICING,
                )
                for posting in postings
            ]
        LedgerEntry.objects.bulk_create(rows, ignore_conflicts=True, batch_size=5000)
        refresh(touched, now=now)
    return len(rows)


def service_book(*, now: datetime | None = None, today: date | None = None) -> int:
    """Every loan whose product asks for servicing, a chunk at a time."""
    now = now or timezone.now()
    ids = list(
        Loan.objects.filter(product__servicing_enabled=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(
        service_chunk(ids[start : start + CHUNK], now=now, today=today)
        for start in range(0, len(ids), CHUNK)
    )
