"""Which lessons to offer a borrower, from where their loans stand.

Education knows nothing about loans: it is handed each loan's situation as a status and a
number of days past due (any object with ``status`` and ``days_past_due`` will do) and
answers with lesson slugs, the English slugs that stay the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

MAX_SUGGESTIONS = 3

LATE = ["when-a-payment-is-late", "how-repayment-plans-work"]
LATE_30_DAYS = ["hardship-and-breathing-space", "your-rights-when-contacted", "making-a-budget"]
DUE_TODAY = ["reading-your-statement", "making-a-budget"]
UP_TO_DATE = ["reading-your-statement", "interest-and-fees", "making-a-budget"]
FINISHED = ["making-a-budget", "reading-your-statement"]
NO_LOANS = ["reading-your-statement", "interest-and-fees"]


class LoanStanding(Protocol):
    status: str
    days_past_due: int


def suggested_slugs(situations: Iterable[LoanStanding]) -> list[str]:
    """Lesson slugs for these loans, most pressing first, without repeats. The worst
    situation leads: a borrower with one late loan and one up to date hears about the late
    one first."""
    situations = list(situations)
    slugs: list[str] = []
    worst_days = max((s.days_past_due for s in situations if s.status == "late"), default=0)
    if worst_days:
        slugs += LATE
        if worst_days >= 30:
            slugs += LATE_30_DAYS
    statuses = {s.status for s in situations}
    if "due_today" in statuses:
        slugs += DUE_TODAY
    if "up_to_date" in statuses:
        slugs += UP_TO_DATE
    if statuses & {"paid_off", "in_credit"}:
        slugs += FINISHED
    if not situations:
        slugs += NO_LOANS
    return list(dict.fromkeys(slugs))
