"""The book split into ranges of loan ids, each holding ``size`` loans (the last one fewer).

Ranges cover the ids from the first loan to the last with no gap and no overlap, so a loan
is in exactly one; a loan made after the split waits for the next run."""

from __future__ import annotations

from django.db.models import F, Max, Window
from django.db.models.functions import Mod, RowNumber

from repayment.models import Loan


def id_ranges(size: int) -> list[tuple[int, int]]:
    """(first_id, last_id) pairs, both included, in id order. One query: the id at every
    ``size``-th place, and the largest id, by window functions (SQLite and PostgreSQL)."""
    if size < 1:
        raise ValueError(size)
    starts = list(
        Loan.objects.annotate(
            place=Window(RowNumber(), order_by=F("pk").asc()),
            top=Window(Max("pk")),
        )
        .annotate(offset=Mod(F("place") - 1, size))
        .filter(offset=0)
        .order_by("pk")
        .values_list("pk", "top")
    )
    return [
        (first, starts[i + 1][0] - 1 if i + 1 < len(starts) else top)
        for i, (first, top) in enumerate(starts)
    ]
