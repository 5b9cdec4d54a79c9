"""Servicing a chunk of the book at once: the loans' ledgers, plans and pauses are read in a
fixed number of queries whatever the chunk's size, the same pure rule (``plan_postings``)
decides each loan's postings, and they are written in one insert, with the loans' kept
positions, in one transaction. Idempotent: an entry's id is fixed by its installment, and the
database keeps one of each per loan (a second run posts nothing).

Which loans a run reads is chosen by a set-based query over the kept positions: each row keeps
the first day servicing may have something to post (``services_on``, ``servicing.next_day``),
so a day's run reads the loans with an installment or a fee falling due, not the whole book.
See docs/servicing.md."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from repayment.ledger.reading import local_today
from repayment.models import EntrySource, LedgerEntry, Loan, LoanPosition
from repayment.position_table.keeping import refresh
from repayment.position_table.reading import read_inputs
from repayment.servicing.next_day import later_service_day
from repayment.servicing.postings import Posting, plan_postings

CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Planned:
    loan: Loan
    postings: list[Posting]
    # With nothing to post: the next day there may be (``services_on``).
    next_day: date | None


def planned(
    loan_ids: Iterable[int], *, now: datetime, today: date | None = None
) -> Iterator[Planned]:
    """Each serviced loan of ``loan_ids`` with what servicing should post for it up to its
    borrower's own today at ``now`` (or ``today``). Reads only."""
    for inputs in read_inputs(loan_ids):
        loan = inputs.loan
        if not loan.product.servicing_enabled:
            continue
        day = today or local_today(now, loan.borrower.time_zone)
        postings = plan_postings(
            loan=loan, lines=inputs.lines, today=day, freezes=inputs.hardship.freezes()
        )
        later = None if postings else later_service_day(loan=loan, lines=inputs.lines, today=day)
        yield Planned(loan, postings, later)


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
        kept_days = dict(
            LoanPosition.objects.filter(loan_id__in=locked).values_list("loan_id", "services_on")
        )
        rows, to_refresh, next_days = [], [], []
        for plan in planned(locked, now=now, today=today):
            loan = plan.loan
            if plan.postings or loan.pk not in kept_days:
                to_refresh.append(loan.pk)
            elif kept_days[loan.pk] != plan.next_day:
                next_days.append(LoanPosition(loan_id=loan.pk, services_on=plan.next_day))
            rows += [
                LedgerEntry(
                    loan_id=loan.pk,
                    external_id=posting.external_id,
                    kind=posting.kind,
                    effective_date=posting.effective_date,
                    amount=posting.amount,
                    source=EntrySource.SERVICING,
                )
                for posting in plan.postings
            ]
        LedgerEntry.objects.bulk_create(rows, ignore_conflicts=True, batch_size=5000)
        # Nothing posted: only the day to look again moves, and the rest of the row stands.
        LoanPosition.objects.bulk_update(next_days, ["services_on"], batch_size=1000)
        refresh(to_refresh, now=now)
    return len(rows)


def due_loans(
    *,
    now: datetime,
    today: date | None = None,
    first_id: int | None = None,
    last_id: int | None = None,
) -> list[int]:
    """The serviced loans (ids ``first_id`` to ``last_id``) whose kept day to be serviced has
    come in their borrower's own calendar (or by ``today``), and any with no kept row yet."""
    loans = Loan.objects.filter(product__servicing_enabled=True)
    if first_id is not None:
        loans = loans.filter(pk__gte=first_id)
    if last_id is not None:
        loans = loans.filter(pk__lte=last_id)
    due = Q(kept_position__isnull=True)
    if today is not None:
        due |= Q(kept_position__services_on__lte=today)
    else:
        for zone in loans.values_list("borrower__time_zone", flat=True).distinct():
            due |= Q(
                borrower__time_zone=zone,
                kept_position__services_on__lte=local_today(now, zone),
            )
    return list(loans.filter(due).order_by("pk").values_list("pk", flat=True))


def service_ids(ids: list[int], *, now: datetime | None = None, today: date | None = None) -> int:
    now = now or timezone.now()
    return sum(
        service_chunk(ids[start : start + CHUNK], now=now, today=today)
        for start in range(0, len(ids), CHUNK)
    )


def service_book(*, now: datetime | None = None, today: date | None = None) -> int:
    """Every serviced loan whose day has come, a chunk at a time."""
    now = now or timezone.now()
    return service_ids(due_loans(now=now, today=today), now=now, today=today)
