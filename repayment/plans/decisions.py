"""The immediate answer to a borrower's own plan. Pure.

Three answers, never a refusal (FCA CONC 7.3.5: refusing a reasonable, affordable proposal is a
breach): accepted when the plan is affordable and inside the policy; a counter-offer with the
nearest plan the policy allows and the budget affords; otherwise a person looks at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from ..models import Decision, PlanKind, PlanPolicy
from ..money import ZERO, minor_unit
from .budget import PERIODS_PER_YEAR
from .schedules import dates_from, paying_each_time, regular_amount_by, total
from .situation import LoanSituation
from .terms import PlanTerms, delay_interest

# Reason codes, stored with the proposal; ``repayment.plans.wording`` says them in plain words.
INSIDE_POLICY = "inside_policy"
OVER_BUDGET = "over_budget"
BELOW_MINIMUM = "below_minimum"
TOO_LONG = "too_long"
JOINED_LAST = "joined_last"
NOTHING_LEFT = "nothing_left"
CANNOT_AFFORD_IN_TIME = "cannot_afford_in_time"
HISTORY = "history"
PLANS_LIMIT = "plans_limit"

# The reasons that make a counter-offer ask for more than the borrower offered.
RAISED = (BELOW_MINIMUM, TOO_LONG)

# How far above the borrower's own amount a counter-offer may go and still be "close to" it;
# beyond this the answer says plainly that it is the lowest we can agree, and why.
CLOSE_PERCENT = Decimal("10")


@dataclass(frozen=True, slots=True)
class Request:
    amount: Decimal
    frequency: str
    start: date


@dataclass(frozen=True, slots=True)
class Outcome:
    decision: str
    reasons: tuple[str, ...]
    terms: PlanTerms | None = None


def raised_far(offered: Decimal, countered: Decimal) -> bool:
    """The counter-offer's payment is well above what the borrower offered."""
    return countered > offered * (1 + CLOSE_PERCENT / 100)


def periods_within(months: int, frequency: str) -> int:
    return max(1, months * PERIODS_PER_YEAR[frequency] // 12)


def affordable_each_time(available_monthly: Decimal, frequency: str, currency: str) -> Decimal:
    """The most a payment can be, at this frequency, for the budget to keep up."""
    if available_monthly <= ZERO:
        return ZERO
    each = available_monthly * 12 / PERIODS_PER_YEAR[frequency]
    return each.quantize(minor_unit(currency), rounding=ROUND_DOWN)


def decide(
    *,
    request: Request,
    situation: LoanSituation,
    policy: PlanPolicy,
    segment: str,
    available_monthly: Decimal,
    plans_this_year: int,
) -> Outcome:
    if segment not in policy.auto_accept_segments:
        return Outcome(Decision.REVIEW.value, (HISTORY,))
    if plans_this_year >= policy.max_plans_per_year:
        return Outcome(Decision.REVIEW.value, (PLANS_LIMIT,))
    affordable = affordable_each_time(available_monthly, request.frequency, situation.currency)
    if affordable < policy.min_installment:
        return Outcome(Decision.REVIEW.value, (NOTHING_LEFT,))

    limit = periods_within(policy.auto_accept_max_months, request.frequency)
    reasons: list[str] = []
    amount = request.amount
    if amount > affordable:
        reasons.append(OVER_BUDGET)
        amount = affordable
    elif amount < policy.min_installment:
        reasons.append(BELOW_MINIMUM)
        amount = policy.min_installment

    schedule = _schedule(amount, request, situation, policy, limit)
    if not caught_up(schedule, situation):
        needed = _needed_each_time(request, situation, limit)
        if needed > affordable:
            return Outcome(Decision.REVIEW.value, (*reasons, TOO_LONG, CANNOT_AFFORD_IN_TIME))
        reasons.append(TOO_LONG)
        amount = max(amount, needed)
        schedule = _schedule(amount, request, situation, policy, limit)

    if max(item.amount for item in schedule) > affordable:
        # Joining a small last payment onto the one before took it over budget.
        return Outcome(Decision.REVIEW.value, (*reasons, CANNOT_AFFORD_IN_TIME))
    if max(item.amount for item in schedule) > amount:
        # A last payment under the minimum that the one before could not top up was joined
        # onto it: one payment is more than the borrower offered, so this is not their plan.
        reasons.append(JOINED_LAST)
    terms = own_plan_terms(schedule, request.frequency, situation)
    if reasons:
        return Outcome(Decision.COUNTERED.value, tuple(reasons), terms)
    return Outcome(Decision.ACCEPTED.value, (INSIDE_POLICY,), terms)


def own_plan_terms(schedule, frequency: str, situation: LoanSituation) -> PlanTerms:
    """A borrower's own plan: ``schedule`` covering what is overdue, with the interest the
    delay adds."""
    return PlanTerms(
        kind=PlanKind.OWN.value,
        frequency=frequency,
        installments=schedule,
        covers_overdue=situation.overdue,
        extra_interest=delay_interest(
            overdue=situation.overdue, installments=schedule, situation=situation
        ),
    )


def _schedule(amount, request, situation, policy, limit):
    return paying_each_time(
        amount=amount,
        frequency=request.frequency,
        start=request.start,
        overdue=situation.overdue,
        dues=situation.dues,
        minimum=policy.min_installment,
        limit=limit,
    )


def caught_up(schedule, situation: LoanSituation) -> bool:
    """The schedule pays what is overdue and the regular payments falling due meanwhile."""
    if not schedule:
        return False
    owed = situation.overdue + regular_amount_by(situation.dues, schedule[-1].due_date)
    return total(schedule) >= owed


def _needed_each_time(request: Request, situation: LoanSituation, limit: int) -> Decimal:
    """The smallest payment that catches up within ``limit`` payments."""
    last = dates_from(request.start, request.frequency, limit)[-1]
    owed = situation.overdue + regular_amount_by(situation.dues, last)
    return (owed / limit).quantize(minor_unit(situation.currency), rounding=ROUND_UP)
