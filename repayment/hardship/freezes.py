"""The windows in which servicing charges no interest or no late fees for a loan."""

from __future__ import annotations

from datetime import date, timedelta

from repayment.models import Loan, PauseStatus, PlanStatus
from repayment.plans.policy import policy_for
from repayment.servicing.freeze_windows import Freeze

# An active plan's fee freeze runs until it ends; servicing looks no further than today.
OPEN_END = date(9999, 12, 31)


def freezes_for(*, loan: Loan) -> tuple[Freeze, ...]:
    freezes = [
        Freeze(
            start=pause.starts_on,
            end=pause.ends_on,
            interest=pause.freezes_interest,
            fees=pause.freezes_fees,
            reason="pause",
        )
        for pause in loan.pauses.filter(status__in=[PauseStatus.GRANTED, PauseStatus.ENDED])
    ]
    if policy_for(loan.product).freeze_fees_during_plan:
        for plan in loan.plans.exclude(status=PlanStatus.CANCELLED):
            end = plan.ended_on - timedelta(days=1) if plan.ended_on else OPEN_END
            if end >= plan.starts_on:
                freezes.append(
                    Freeze(start=plan.starts_on, end=end, interest=False, fees=True, reason="plan")
                )
    return tuple(freezes)
