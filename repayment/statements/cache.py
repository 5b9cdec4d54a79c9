"""The statement a page, the PDF, the API and reminders read: ``statement_for``, cached.

The ledger is append-only (the database refuses UPDATE and DELETE), so the count and highest id
of the entries up to today identify its content exactly; the key also holds every term the
statement reads and the disputes, plans and pauses its position reads, so a change to any of
them shows at once and nothing is invalidated by hand."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from repayment.ledger.reading import ledger_lines, local_today
from repayment.models import LedgerEntry, Loan
from repayment.statements.build import Statement, build_statement
from repayment.statements.circumstances import HardshipRows, circumstances, hardship_rows


def statement_for(
    *, loan: Loan, as_of: datetime | None = None, since: date | None = None
) -> Statement:
    """The statement of ``loan`` as it stands at ``as_of`` (now by default) in the borrower's
    own time zone. ``loan`` should come with ``product__lender`` and ``borrower`` selected."""
    return statement_with(loan=loan, as_of=as_of, since=since)[0]


def statement_with(
    *,
    loan: Loan,
    as_of: datetime | None = None,
    since: date | None = None,
    also: Callable[[str], list[str]] | None = None,
) -> tuple[Statement, dict]:
    """``statement_for``, and the cache entries named by ``also(statement's key)`` read in the
    same round trip: what a page keeps under the statement's key (``statements.parts``)."""
    as_of = as_of or timezone.now()
    today = local_today(as_of, loan.borrower.time_zone)
    milestones = list(loan.product.milestones.all())
    hardship = hardship_rows(loan)
    key = _cache_key(loan=loan, milestones=milestones, hardship=hardship, today=today, since=since)
    found = cache.get_many([key, *also(key)]) if also else {key: cache.get(key)}
    cached = found.pop(key, None)
    if cached is not None:
        return replace(cached, as_of=as_of), found
    lines = ledger_lines(loan=loan, until=today)
    statement = build_statement(
        loan=loan,
        lines=lines,
        milestones=milestones,
        as_of=as_of,
        today=today,
        since=since,
        circumstances=circumstances(hardship, lines=lines, today=today),
    )
    statement = replace(statement, cache_key=key)
    cache.set(key, statement, CACHE_SECONDS)
    return statement, found


CACHE_SECONDS = 60 * 60 * 24


def _cache_key(
    *, loan: Loan, milestones: list, hardship: HardshipRows, today: date, since: date | None
) -> str:
    known = getattr(loan, "ledger_state", None)  # read with the loan (statements.loan_marks)
    if known is not None and known[0] == today:
        ledger_state = known[1]
    else:
        ledger_state = LedgerEntry.objects.filter(loan=loan, effective_date__lte=today).aggregate(
            count=Count("id"), last=Max("id")
        )
    product, lender = loan.product, loan.product.lender
    terms_read = (
        [getattr(loan, f.attname) for f in loan._meta.concrete_fields],
        [getattr(product, f.attname) for f in product._meta.concrete_fields],
        [getattr(lender, f.attname) for f in lender._meta.concrete_fields],
        [(m.days_past_due, m.explanation, m.explanation_zh_hans) for m in milestones],
        loan.borrower.time_zone,
        ledger_state,
        hardship,
        today,
        since,
    )
    digest = hashlib.blake2b(repr(terms_read).encode(), digest_size=16).hexdigest()
    return f"statement:v4:{loan.pk}:{digest}"
