"""The statement a page, the PDF, the API and reminders read: ``statement_for``, cached.

The ledger is append-only (the database refuses UPDATE and DELETE), so the count and highest id
of the entries up to today identify its content exactly; the key also holds every term the
statement reads, so an edit shows at once and nothing is invalidated by hand."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from repayment.models import LedgerEntry, Loan
from repayment.statements.build import Statement, build_statement, ledger_lines, local_today


def statement_for(
    *, loan: Loan, as_of: datetime | None = None, since: date | None = None
) -> Statement:
    """The statement of ``loan`` as it stands at ``as_of`` (now by default) in the borrower's
    own time zone. ``loan`` should come with ``product__lender`` and ``borrower`` selected."""
    as_of = as_of or timezone.now()
    today = local_today(as_of, loan.borrower.time_zone)
    milestones = list(loan.product.milestones.all())
    key = _cache_key(loan=loan, milestones=milestones, today=today, since=since)
    cached = cache.get(key)
    if cached is not None:
        return replace(cached, as_of=as_of)
    lines = ledger_lines(loan=loan, until=today)
    statement = build_statement(
        loan=loan, lines=lines, milestones=milestones, as_of=as_of, today=today, since=since
    )
    statement = replace(statement, cache_key=key)
    cache.set(key, statement, CACHE_SECONDS)
    return statement


CACHE_SECONDS = 60 * 60 * 24


def _cache_key(*, loan: Loan, milestones: list, today: date, since: date | None) -> str:
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
        today,
        since,
    )
    digest = hashlib.blake2b(repr(terms_read).encode(), digest_size=16).hexdigest()
    return f"statement:v3:{loan.pk}:{digest}"
