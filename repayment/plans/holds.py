"""Why collection reminders about a loan must stop or change today, for the contact rules."""

from __future__ import annotations

from datetime import date

from ..models import DisputeStatus, Loan, PauseStatus, PlanStatus

DISPUTE, PAUSE, PLAN = "dispute", "pause", "plan"


def collection_hold(*, loan: Loan, today: date) -> str | None:
    """``dispute`` or ``pause``: no collection reminders. ``plan``: only the plan's own
    courtesy reminders. None: the usual rules apply."""
    if loan.disputes.filter(status=DisputeStatus.OPEN).exists():
        return DISPUTE
    if loan.pauses.filter(
        status=PauseStatus.GRANTED, starts_on__lte=today, ends_on__gte=today
    ).exists():
        return PAUSE
    if loan.plans.filter(status=PlanStatus.ACTIVE).exists():
        return PLAN
    return None
