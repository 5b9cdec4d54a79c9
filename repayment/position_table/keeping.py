"""Writing the table: a loan's row is worked out again, in the caller's transaction, after
every write the position function reads; the daily step works out again the rows that the
date alone may change. A day's history row is kept only when where the loan stands changed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from repayment.ledger.reading import local_today
from repayment.models import LoanPosition, LoanPositionDay
from repayment.models.loans import Loan
from repayment.position_table.reading import position_rows
from repayment.position_table.rows import STANDING, PositionRow

CHUNK = 2000
_ROW_FIELDS = [*STANDING, "as_of", "changes_on", "services_on"]


def refresh(loan_ids: Iterable[int], *, now: datetime | None = None) -> int:
    """Work out the rows of ``loan_ids`` again and write them; how many were written. Call it
    inside the transaction of the write it follows, so the two land or fail together."""
    now = now or timezone.now()
    loan_ids = sorted(set(loan_ids))
    written = 0
    for start in range(0, len(loan_ids), CHUNK):
        chunk = loan_ids[start : start + CHUNK]
        with transaction.atomic():
            # Two writes to one loan at once (a batch and a dispute) each work the row out from
            # what they can see; without the lock, the one that commits last could write a row
            # that misses the other's change. Locked in id order, as servicing locks them.
            list(
                Loan.objects.select_for_update()
                .filter(pk__in=chunk)
                .order_by("pk")
                .values_list("pk")
            )
            written += _write(list(position_rows(chunk, now=now)))
    return written


def refresh_loan(loan: Loan | int, *, now: datetime | None = None) -> None:
    refresh([getattr(loan, "pk", loan)], now=now)


def _write(rows: list[PositionRow]) -> int:
    if not rows:
        return 0
    standing_before = {
        values[0]: tuple(values[1:])
        for values in LoanPosition.objects.filter(
            loan_id__in=[row.loan_id for row in rows]
        ).values_list("loan_id", *STANDING)
    }
    with transaction.atomic():
        LoanPosition.objects.bulk_create(
            [LoanPosition(**row.values()) for row in rows],
            update_conflicts=True,
            unique_fields=["loan"],
            update_fields=_ROW_FIELDS,
        )
        moved = [row for row in rows if standing_before.get(row.loan_id) != row.standing()]
        LoanPositionDay.objects.bulk_create(
            [LoanPositionDay(**_day_values(row)) for row in moved],
            update_conflicts=True,
            unique_fields=["loan", "as_of"],
            update_fields=list(STANDING),
        )
    return len(rows)


def _day_values(row: PositionRow) -> dict:
    values = row.values()
    values.pop("changes_on")
    values.pop("services_on")
    return values


def refresh_due(*, now: datetime | None = None, first_id: int = 0, last_id: int | None = None):
    """The daily step, for the loans with ids ``first_id`` to ``last_id`` (a chunk of the
    book): the rows whose ``changes_on`` has come in their borrower's own day, and loans with
    no row yet. Run hourly, it catches each time zone's midnight."""
    now = now or timezone.now()
    loans = Loan.objects.filter(pk__gte=first_id)
    if last_id is not None:
        loans = loans.filter(pk__lte=last_id)
    zones = loans.values_list("borrower__time_zone", flat=True).distinct()
    due = Q(kept_position__isnull=True)
    for zone in zones:
        due |= Q(borrower__time_zone=zone, kept_position__changes_on__lte=local_today(now, zone))
    return refresh(loans.filter(due).values_list("pk", flat=True), now=now)


def terms_changed(product_id: int) -> int:
    """A product's terms, milestones or plan policy were edited: each of its loans' rows may
    read differently, and servicing may owe them something. Marked to be worked out again by
    the next daily step and read by the next servicing run (a product can hold a million
    loans: not worked out inside the edit's request)."""
    return LoanPosition.objects.filter(loan__product_id=product_id).update(
        changes_on=F("as_of"), services_on=F("as_of")
    )
