"""Reading a loan's ledger as plain values, and the borrower's own today."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime

from repayment.ledger.replay import Line
from repayment.models import LedgerEntry, Loan

# The entry fields a Line is made of, in its order.
LINE_FIELDS = (
    "id",
    "kind",
    "effective_date",
    "amount",
    "component",
    "reverses_id",
    "description",
    "external_id",
)


def ledger_lines(*, loan: Loan, until: date | None = None) -> list[Line]:
    """The loan's entries as plain values, up to and including ``until`` if given."""
    entries = LedgerEntry.objects.filter(loan=loan)
    if until is not None:
        entries = entries.filter(effective_date__lte=until)
    rows = entries.values_list(*LINE_FIELDS)
    return [Line(*row) for row in rows]


def local_today(as_of: datetime, time_zone: str) -> date:
    try:
        zone = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    return as_of.astimezone(zone).date()
