"""The plans a lender offers for a loan's situation, under its policy: spread, holiday, reduced,
settle. Pure. See docs/plans-and-hardship.md."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from repayment.servicing.product_terms import add_periods

from ..models import PlanKind, PlanPolicy
from ..money import ZERO, round_money
from .schedules import Installment, spread_over
from .situation import LoanSituation
from .terms import PlanTerms, delay_interest


def offers_for(*, situation: LoanSituation, policy: PlanPolicy, segment: str) -> list[PlanTerms]:
    offers: list[PlanTerms] = []
    if policy.spread_enabled and segment in policy.spread_segments and situation.overdue > ZERO:
        offers.extend(_spreads(situation, policy))
    if policy.holiday_enabled and segment in policy.holiday_segments and len(situation.dues) >= 2:
        offers.extend(_holiday(situation, policy))
    if policy.reduced_enabled and segment in policy.reduced_segments and situation.dues:
        offers.extend(_reduced(situation, policy))
    if policy.settle_enabled and segment in policy.settle_segments and situation.balance > ZERO:
        offers.extend(_settlement(situation, policy))
    return offers


def offer_code(terms: PlanTerms) -> str:
    """Stable within a day: the same situation gives the same offers and the same codes."""
    return f"{terms.kind}-{terms.count}"


def upcoming_base(situation: LoanSituation, count: int, skip: int = 0) -> tuple[Installment, ...]:
    """The loan's next ``count`` payment dates (after ``skip``) with their regular amounts,
    continuing one period apart with nothing regular due once the loan's schedule ends."""
    dues = list(situation.dues[skip : skip + count])
    if dues:
        last = dues[-1].due_date
    else:
        last = add_periods(situation.today, situation.frequency, 1)
        dues.append(Installment(last, ZERO))
    steps = 1
    anchor = last
    while len(dues) < count:
        dues.append(Installment(add_periods(anchor, situation.frequency, steps), ZERO))
        steps += 1
    return tuple(dues)


def _terms(situation, kind, installments, covers_overdue, discount=ZERO) -> PlanTerms:
    return PlanTerms(
        kind=kind,
        frequency=situation.frequency,
        installments=installments,
        covers_overdue=covers_overdue,
        discount=discount,
        extra_interest=delay_interest(
            overdue=covers_overdue, installments=installments, situation=situation
        ),
    )


def _longest_allowed(
    situation: LoanSituation, policy: PlanPolicy, extra: Decimal, count: int, skip: int = 0
) -> tuple[Installment, ...] | None:
    """The spread over ``count`` payments, shortened until every payment reaches the policy's
    smallest installment; None if even one payment would not."""
    while count >= 1:
        schedule = spread_over(upcoming_base(situation, count, skip), extra, situation.currency)
        if min(item.amount for item in schedule) >= policy.min_installment:
            return schedule
        count -= 1
    return None


def _spreads(situation: LoanSituation, policy: PlanPolicy) -> list[PlanTerms]:
    offers = []
    seen: set[int] = set()
    for count in sorted({min(3, policy.spread_max_installments), policy.spread_max_installments}):
        schedule = _longest_allowed(situation, policy, situation.overdue, count)
        if schedule is None or len(schedule) < 2 or len(schedule) in seen:
            continue
        seen.add(len(schedule))
        offers.append(_terms(situation, PlanKind.SPREAD.value, schedule, situation.overdue))
    return offers


def _holiday(situation: LoanSituation, policy: PlanPolicy) -> list[PlanTerms]:
    skipped = situation.dues[0].amount
    schedule = _longest_allowed(
        situation, policy, situation.overdue + skipped, policy.holiday_spread_installments, skip=1
    )
    if schedule is None:
        return []
    return [_terms(situation, PlanKind.HOLIDAY.value, schedule, situation.overdue)]


def _reduced(situation: LoanSituation, policy: PlanPolicy) -> list[PlanTerms]:
    reduced = round_money(
        situation.regular_amount * policy.reduced_min_percent / 100, situation.currency
    )
    reduced = max(reduced, policy.min_installment)
    if reduced >= situation.regular_amount:
        return []  # the smallest payment the policy allows is no smaller than the regular one
    schedule = [
        Installment(item.due_date, min(reduced, item.amount))
        for item in situation.dues[: policy.reduced_max_periods]
    ]
    while schedule and schedule[-1].amount < policy.min_installment:
        schedule.pop()
    if not schedule:
        return []
    return [_terms(situation, PlanKind.REDUCED.value, tuple(schedule), ZERO)]


def _settlement(situation: LoanSituation, policy: PlanPolicy) -> list[PlanTerms]:
    discount = round_money(
        situation.balance * policy.settle_max_discount_percent / 100, situation.currency
    )
    to_pay = situation.balance - discount
    if to_pay < policy.min_installment or discount <= ZERO:
        return []
    pay_by = situation.today + timedelta(days=policy.settle_pay_within_days)
    return [
        _terms(
            situation,
            PlanKind.SETTLE.value,
            (Installment(pay_by, to_pay),),
            situation.overdue,
            discount=discount,
        )
    ]
