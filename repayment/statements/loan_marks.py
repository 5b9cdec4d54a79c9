"""One borrower's loan for the statement page, marked as ``selectors.loans_of`` marks it
(``has_active_plan``, ``has_plan``, ``has_open_dispute``, ``has_pause``, ``has_open_promise``,
``has_open_report``), without the cost of the marks' ORM form.

Compiling the six ``Exists`` annotations took the ORM about as long as the rest of the page's
queries together, on every request. Here the loan is read plainly and the marks in one small
SQL statement written once per process from the models' own tables and statuses. The same
statement reads the count and highest id of the ledger's entries up to the borrower's today,
which the statement's cache key names (``statements.cache``): one round trip for both.
Both read the marks from ``selectors.LOAN_MARKS``; ``tests/repayment/statements/test_parts.py``
checks that they agree.
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.http import Http404
from django.utils import timezone

from repayment.ledger.reading import local_today
from repayment.models import Borrower, LedgerEntry, Loan
from repayment.selectors import LOAN_MARKS


@cache
def _marks_sql() -> str:
    # Names from the models' metadata, quoted; every value is a parameter.
    quote = connection.ops.quote_name
    parts = []
    for _name, model, statuses, among in LOAN_MARKS:
        operator = "IN" if among else "NOT IN"
        table = quote(model._meta.db_table)
        loan = quote(model._meta.get_field("loan").column)
        status = quote(model._meta.get_field("status").column)
        placeholders = ", ".join(["%s"] * len(statuses))
        where = f"{loan} = %s AND {status} {operator} ({placeholders})"
        parts.append(f"EXISTS (SELECT 1 FROM {table} WHERE {where})")  # noqa: S608
    ledger = quote(LedgerEntry._meta.db_table)
    loan = quote(LedgerEntry._meta.get_field("loan").column)
    day = quote(LedgerEntry._meta.get_field("effective_date").column)
    entry_id = quote(LedgerEntry._meta.pk.column)
    where = f"{loan} = %s AND {day} <= %s"
    parts.append(f"(SELECT COUNT(*) FROM {ledger} WHERE {where})")  # noqa: S608
    parts.append(f"(SELECT MAX({entry_id}) FROM {ledger} WHERE {where})")  # noqa: S608
    return "SELECT " + ", ".join(parts)


def _marks_params(loan_id: int, today) -> list:
    params: list = []
    for _name, _model, statuses, _among in LOAN_MARKS:
        params.append(loan_id)
        params.extend(str(status) for status in statuses)
    return [*params, loan_id, today, loan_id, today]


def mark(loan: Loan) -> Loan:
    """``loan`` with the marks set, and its ledger's state up to the borrower's today as
    ``ledger_state`` (the day, and the count and highest id of its entries), read now."""
    today = local_today(timezone.now(), loan.borrower.time_zone)
    with connection.cursor() as cursor:
        cursor.execute(_marks_sql(), _marks_params(loan.pk, today))
        row = cursor.fetchone()
    *marks, count, last = row
    for (name, *_rest), value in zip(LOAN_MARKS, marks, strict=True):
        setattr(loan, name, bool(value))
    loan.ledger_state = (today, {"count": count, "last": last})
    return loan


def marked_loan_or_404(*, borrower: Borrower, reference: str) -> Loan:
    """The borrower's loan with this reference, read as ``loans_of`` reads it (product,
    lender, plan policy, borrower and milestones at hand), marked; 404 for anyone else's."""
    loan = (
        Loan.objects.filter(borrower=borrower, reference=reference)
        .select_related("product__lender", "product__plan_policy", "borrower")
        .prefetch_related("product__milestones")
        .first()
    )
    if loan is None:
        raise Http404
    return mark(loan)
