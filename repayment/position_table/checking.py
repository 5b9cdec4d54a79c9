"""Does the table agree with the position function? Each loan's row is worked out afresh and
compared field by field with the row kept; ``manage.py check_positions`` prints the result."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from repayment.models import Loan, LoanPosition
from repayment.position_table.keeping import CHUNK
from repayment.position_table.reading import position_rows
from repayment.position_table.rows import STANDING

MISSING = "(no row)"


@dataclass(frozen=True, slots=True)
class Difference:
    loan_id: int
    field: str
    kept: object
    computed: object


def differences(
    loan_ids: Iterable[int] | None = None, *, now: datetime | None = None
) -> Iterator[Difference]:
    """Every field where a kept row and the function part, for ``loan_ids`` (all by default),
    a chunk at a time. A row the date has moved past without a refresh differs too: days
    past due and what is due are read from it as they are."""
    now = now or timezone.now()
    if loan_ids is None:
        loan_ids = Loan.objects.order_by("pk").values_list("pk", flat=True).iterator()
    chunk: list[int] = []
    for loan_id in loan_ids:
        chunk.append(loan_id)
        if len(chunk) == CHUNK:
            yield from _compare(chunk, now)
            chunk = []
    if chunk:
        yield from _compare(chunk, now)


def _compare(loan_ids: list[int], now: datetime) -> Iterator[Difference]:
    kept = {
        values[0]: values[1:]
        for values in LoanPosition.objects.filter(loan_id__in=loan_ids).values_list(
            "loan_id", *STANDING
        )
    }
    for row in position_rows(loan_ids, now=now):
        if row.loan_id not in kept:
            yield Difference(row.loan_id, MISSING, None, row.status)
            continue
        for name, was, is_now in zip(STANDING, kept[row.loan_id], row.standing(), strict=True):
            if was != is_now:
                yield Difference(row.loan_id, name, was, is_now)
