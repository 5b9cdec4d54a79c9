"""Plan progress for the home and statement pages: one query for the borrower's active plans
with their installments, and the ledger of only those loans."""

from __future__ import annotations

from typing import NamedTuple

from ..models import Plan, PlanStatus
from ..statements import Statement
from .progress import Progress
from .tracking import progress_of


class PlanSummary(NamedTuple):
    plan: Plan
    progress: Progress


def active_plans(statements: list[Statement]) -> dict[int, PlanSummary]:
    by_loan = {s.loan_id: s for s in statements}
    plans = (
        Plan.objects.filter(loan_id__in=by_loan, status=PlanStatus.ACTIVE)
        .select_related("loan__product")
        .prefetch_related("installments")
    )
    return {
        plan.loan_id: PlanSummary(plan, progress_of(plan, today=by_loan[plan.loan_id].today))
        for plan in plans
    }
