"""The windows in which servicing charges no interest or no late fees for a loan."""

from __future__ import annotations

from repayment.models import Loan, PauseStatus, PlanStatus
from repayment.plans.policy import policy_for
from repayment.servicing.freeze_windows import Freeze
from repayment.statements.circumstances import freezes_from


def freezes_for(*, loan: Loan) -> tuple[Freeze, ...]:
    return freezes_from(
        pauses=loan.pauses.filter(status__in=[PauseStatus.GRANTED, PauseStatus.ENDED])
        .order_by("pk")
        .values_list("starts_on", "ends_on", "freezes_interest", "freezes_fees"),
        plans=loan.plans.exclude(status=PlanStatus.CANCELLED)
        .order_by("pk")
        .values_list("starts_on", "ended_on"),
        freeze_fees_during_plan=policy_for(loan.product).freeze_fees_during_plan,
    )
