"""Plan progress for the home and statement pages: one query for the borrower's active plans
with their installments, and the ledger of only those loans."""

from __future__ import annotations

from typing import NamedTuple

from repayment.models import Plan, PlanStatus
from repayment.plans.keeping_on_track import progress_of
from repayment.plans.payments_matched import Progress
from repayment.statements.build import Statement


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
