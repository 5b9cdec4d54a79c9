"""What the position function reads, for many loans at once: a fixed number of queries for a
chunk of loans whatever its size, then the pure function per loan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db.models import Prefetch

from repayment.ledger.reading import LINE_FIELDS, local_today
from repayment.ledger.replay import Line
from repayment.models import Dispute, DisputeStatus, LedgerEntry, Loan, Promise, PromiseStatus
from repayment.position import PauseWindow, position
from repayment.position_table.rows import Extras, PositionRow, row_of
from repayment.statements.circumstances import circumstances, rows_from


def loans_with_what_positions_read(loan_ids: Iterable[int]):
    return (
        Loan.objects.filter(pk__in=list(loan_ids))
        .select_related("product__lender", "product__plan_policy", "borrower")
        .prefetch_related(
            "product__milestones",
            "plans__installments",
            "pauses",
            Prefetch(
                "disputes",
                queryset=Dispute.objects.filter(status=DisputeStatus.OPEN).only(
                    "loan_id", "entry_id", "status"
                ),
            ),
            Prefetch(
                "promises",
                queryset=Promise.objects.filter(status=PromiseStatus.OPEN).order_by("pk"),
                to_attr="open_promises",
            ),
        )
        .order_by("pk")
    )


def lines_by_loan(loan_ids: Iterable[int]) -> dict[int, list[Line]]:
    lines: dict[int, list[Line]] = defaultdict(list)
    rows = LedgerEntry.objects.filter(loan_id__in=list(loan_ids)).values_list(
        "loan_id", *LINE_FIELDS
    )
    for loan_id, *values in rows.order_by("loan_id", "id"):
        lines[loan_id].append(Line(*values))
    return lines


def position_rows(loan_ids: Iterable[int], *, now: datetime) -> Iterator[PositionRow]:
    """Each loan's row for its borrower's own day at ``now``."""
    loan_ids = list(loan_ids)
    ledgers = lines_by_loan(loan_ids)
    for loan in loans_with_what_positions_read(loan_ids):
        yield row_for(loan, ledgers.get(loan.pk, []), now=now)


def row_for(loan: Loan, lines: list[Line], *, now: datetime) -> PositionRow:
    """One loan, read with ``loans_with_what_positions_read``, and all its ledger lines."""
    today = local_today(now, loan.borrower.time_zone)
    to_date = [line for line in lines if line.effective_date <= today]
    later = [line.effective_date for line in lines if line.effective_date > today]
    hardship = rows_from(
        loan, plans=loan.plans.all(), pauses=loan.pauses.all(), disputes=loan.disputes.all()
    )
    promise = loan.open_promises[-1] if loan.open_promises else None
    value = position(
        loan=loan,
        lines=to_date,
        milestones=list(loan.product.milestones.all()),
        today=today,
        circumstances=circumstances(hardship, lines=to_date, today=today),
    )
    extras = Extras(
        open_disputes=len(hardship.disputed_entry_ids),
        promised_amount=promise.amount if promise else None,
        promised_by=promise.pay_by if promise else None,
        pauses=tuple(PauseWindow(start, end) for _pk, start, end, _i, _f in hardship.pauses),
        next_entry_on=min(later) if later else None,
    )
    return row_of(loan.pk, value, extras)
