"""A loan's position: what a borrower owes today, what is asked of them now, what comes next
and what happens if they do not pay, in one value that every page, letter, message and answer
reads. Pure: it takes the ledger's lines, the loan's terms and the hardship facts, and asks the
database nothing. The rules are written down in docs/position.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from repayment.ledger import replay as ledger
from repayment.ledger.replay import Components, Line
from repayment.money import ZERO
from repayment.plans.payments_matched import LATE as PLAN_LATE
from repayment.plans.payments_matched import MISSED as PLAN_MISSED
from repayment.plans.payments_matched import Progress
from repayment.servicing import late_fees
from repayment.servicing import product_terms as terms
from repayment.servicing.freeze_windows import Freeze, fees_frozen_on
from repayment.servicing.postings import plan_postings

# What the borrower is asked to do now. Templates, the API and the console switch on these.
UP_TO_DATE = "up_to_date"
DUE_TODAY = "due_today"
LATE = "late"
DISPUTED = "disputed"  # something is overdue, and all of it is being questioned
ON_PLAN = "on_plan"
PLAN_BEHIND = "plan_behind"
PAUSED = "paused"
PAID_OFF = "paid_off"
IN_CREDIT = "in_credit"

PLAN, CONTRACT = "plan", "contract"
GOOD, BEHIND, BROKEN = "good", "behind", "broken"
LATE_FEE, LENDER_STEP, PLAN_ENDS = "late_fee", "lender", "plan_ends"

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class PauseWindow:
    starts_on: date
    ends_on: date  # the last paused day

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """The loan's active plan: its payments matched against the ledger."""

    progress: Progress
    grace_days: int
    covers_overdue: Decimal


@dataclass(frozen=True, slots=True)
class Circumstances:
    """What, besides the ledger and the terms, changes what a borrower is asked for."""

    disputed_entry_ids: frozenset[int] = frozenset()
    plan: PlanFacts | None = None
    last_plan_broken: bool = False
    pauses: tuple[PauseWindow, ...] = ()
    # Days on which servicing charges no interest or no late fees (pauses, plans).
    freezes: tuple[Freeze, ...] = ()


@dataclass(frozen=True, slots=True)
class NextPayment:
    date: date
    amount: Decimal
    source: str  # PLAN or CONTRACT


@dataclass(frozen=True, slots=True)
class Step:
    """One step of what happens if the borrower does not pay."""

    date: date
    days_past_due: int
    kind: str  # LATE_FEE, LENDER_STEP or PLAN_ENDS
    explanation_en: str = ""
    explanation_zh_hans: str = ""
    fee: Decimal = ZERO
    happened: bool = False

    def explanation(self, language: str) -> str:
        if language == "zh-hans" and self.explanation_zh_hans:
            return self.explanation_zh_hans
        return self.explanation_en


@dataclass(frozen=True, slots=True)
class Position:
    today: date
    status: str
    balance: Components
    # What the loan's own terms make due now, before anything is held out of it.
    contract_due: Decimal
    # What the borrower is asked to pay now.
    amount_due: Decimal
    # Questioned entries, and how much of the contract's due they hold out.
    disputed_entry_ids: frozenset[int]
    disputed_amount: Decimal
    days_past_due: int
    oldest_unpaid_due_date: date | None
    next_payment: NextPayment | None
    plan_state: str  # "", GOOD, BEHIND or BROKEN
    plan_covers: Decimal  # the arrears an active plan pays off, explained rather than demanded
    paused_from: date | None
    paused_until: date | None
    # What falls due when a pause ends, and on which day.
    due_after_pause: Decimal
    paid_off_on: date | None
    steps: tuple[Step, ...]
    # The due date the steps count from: the oldest unpaid one, or the next one.
    steps_from: date | None
    # True when nothing is overdue: the steps say what would happen if a payment were missed.
    steps_are_hypothetical: bool

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if not step.happened), None)

    @property
    def steps_passed(self) -> int:
        return sum(1 for step in self.steps if step.happened)

    @property
    def owes_nothing(self) -> bool:
        return self.status in (PAID_OFF, IN_CREDIT)


def position(
    *,
    loan,
    lines: Sequence[Line],
    milestones: Sequence,
    today: date,
    circumstances: Circumstances | None = None,
    result: ledger.Replay | None = None,
) -> Position:
    """``loan`` with its product; ``lines`` up to ``today``; ``milestones`` the product's
    consequence steps; ``result`` the replay of ``lines`` if the caller has it."""
    circumstances = circumstances or Circumstances()
    result = result or ledger.replay(lines)
    balance = result.balance
    contract_due = ledger.amount_due(result)

    disputed = circumstances.disputed_entry_ids & {line.id for line in lines}
    if disputed:
        # What would be due, and since when, if the questioned entries were not there.
        unquestioned = ledger.replay([line for line in lines if line.id not in disputed])
        due = min(contract_due, ledger.amount_due(unquestioned))
        oldest = ledger.oldest_unpaid_due_date(unquestioned)
    else:
        due = contract_due
        oldest = ledger.oldest_unpaid_due_date(result)
    pauses = circumstances.pauses
    dpd = days_late(oldest, today, pauses)
    pause = next((window for window in pauses if window.covers(today)), None)
    plan = circumstances.plan
    plan_state = _plan_state(plan, circumstances.last_plan_broken)
    upcoming = _upcoming(loan, today, balance, contract_due)

    if balance.total < ZERO:
        status = IN_CREDIT
    elif balance.total == ZERO and result.lines:
        status = PAID_OFF
    elif pause is not None:
        status = PAUSED
    elif plan is not None:
        status = ON_PLAN if plan_state == GOOD else PLAN_BEHIND
    elif dpd > 0:
        status = LATE
    elif due > ZERO:
        status = DUE_TODAY
    elif contract_due > ZERO:
        status = DISPUTED
    else:
        status = UP_TO_DATE

    due_after_pause = ZERO
    if status in (PAID_OFF, IN_CREDIT):
        amount_due, next_payment = ZERO, None
    elif status == PAUSED:
        amount_due = ZERO
        due_after_pause = due + sum(
            (amount for day, amount in upcoming if day <= pause.ends_on), start=ZERO
        )
        next_payment = (
            NextPayment(pause.ends_on + ONE_DAY, due_after_pause, CONTRACT)
            if due_after_pause > ZERO
            else _first(upcoming, CONTRACT)
        )
    elif plan is not None:
        amount_due = sum(
            (item.left for item in plan.progress.installments if item.due_date <= today),
            start=ZERO,
        )
        coming = plan.progress.next_payment
        next_payment = coming and NextPayment(coming.due_date, coming.left, PLAN)
    else:
        amount_due = due
        next_payment = _first(upcoming, CONTRACT)

    steps, steps_from, hypothetical = _steps(
        loan=loan,
        lines=lines,
        milestones=milestones,
        today=today,
        status=status,
        oldest=oldest,
        dpd=dpd,
        upcoming=upcoming,
        circumstances=circumstances,
    )
    return Position(
        today=today,
        status=status,
        balance=balance,
        contract_due=contract_due,
        amount_due=amount_due,
        disputed_entry_ids=frozenset(disputed),
        disputed_amount=contract_due - due,
        days_past_due=dpd,
        oldest_unpaid_due_date=oldest if dpd > 0 else None,
        next_payment=next_payment,
        plan_state=plan_state,
        plan_covers=plan.covers_overdue if plan is not None else ZERO,
        paused_from=pause.starts_on if pause else None,
        paused_until=pause.ends_on if pause else None,
        due_after_pause=due_after_pause,
        paid_off_on=result.lines[-1].line.effective_date if status == PAID_OFF else None,
        steps=steps,
        steps_from=steps_from,
        steps_are_hypothetical=hypothetical,
    )


def _plan_state(plan: PlanFacts | None, last_broken: bool) -> str:
    if plan is None:
        return BROKEN if last_broken else ""
    behind = any(item.state in (PLAN_LATE, PLAN_MISSED) for item in plan.progress.installments)
    return BEHIND if behind else GOOD


def days_late(oldest: date | None, today: date, pauses: Sequence[PauseWindow] = ()) -> int:
    """Days past due, not counting paused days: the clock stops while the lender waits."""
    late = ledger.days_late(oldest, today)
    if not late:
        return 0
    return max(0, late - _paused_days(oldest + ONE_DAY, today, pauses))


def _paused_days(first: date, last: date, pauses: Sequence[PauseWindow]) -> int:
    days = set()
    for window in pauses:
        start, end = max(first, window.starts_on), min(last, window.ends_on)
        days.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return len(days)


def _day_when_late(anchor: date, days: int, pauses: Sequence[PauseWindow]) -> date:
    """The day a payment due on ``anchor`` becomes ``days`` days late, paused days skipped."""
    day, counted = anchor, 0
    while counted < days:
        day += ONE_DAY
        if not any(window.covers(day) for window in pauses):
            counted += 1
    return day


def _upcoming(loan, today: date, balance: Components, due: Decimal) -> list[tuple[date, Decimal]]:
    """The loan's own installments after today, with what each will ask for."""
    left = balance.total - due
    if left <= ZERO:
        return []
    dates = terms.due_dates(
        loan.first_due_date, loan.product.installment_frequency, loan.installment_count
    )
    out = []
    for day in (day for day in dates if day > today):
        amount = min(loan.installment_amount, left)
        if day == dates[-1]:
            amount = left  # the last installment clears whatever is not already due
        if amount <= ZERO:
            break
        out.append((day, amount))
        left -= amount
    return out


def _first(upcoming: list[tuple[date, Decimal]], source: str) -> NextPayment | None:
    if not upcoming:
        return None
    day, amount = upcoming[0]
    return NextPayment(day, amount, source)


def _steps(
    *, loan, lines, milestones, today, status, oldest, dpd, upcoming, circumstances
) -> tuple[tuple[Step, ...], date | None, bool]:
    if status in (PAID_OFF, IN_CREDIT):
        return (), None, False
    pauses = circumstances.pauses
    plan = circumstances.plan
    if plan is not None:
        return _plan_steps(plan, today)
    if oldest is not None and (dpd > 0 or status == PAUSED):
        anchor, hypothetical = oldest, False
    elif upcoming:
        anchor, hypothetical = upcoming[0][0], True
    else:
        return (), None, False
    steps = [
        Step(
            date=_day_when_late(anchor, milestone.days_past_due, pauses),
            days_past_due=milestone.days_past_due,
            kind=LENDER_STEP,
            explanation_en=milestone.explanation,
            explanation_zh_hans=milestone.explanation_zh_hans,
            happened=not hypothetical and dpd >= milestone.days_past_due,
        )
        for milestone in milestones
    ]
    fee = _late_fee_step(
        loan=loan,
        lines=lines,
        anchor=anchor,
        today=today,
        hypothetical=hypothetical,
        upcoming=upcoming,
        freezes=circumstances.freezes,
    )
    if fee is not None:
        steps.append(fee)
    steps.sort(key=lambda step: (step.date, step.kind != LATE_FEE))
    return tuple(steps), anchor, hypothetical


def _plan_steps(plan: PlanFacts, today: date) -> tuple[tuple[Step, ...], date | None, bool]:
    """On a plan the loan's own steps wait: the next step is the plan ending, if a payment
    stays unpaid past the plan's grace days."""
    coming = plan.progress.next_payment
    if coming is None:
        return (), None, False
    ends = coming.due_date + timedelta(days=plan.grace_days + 1)
    step = Step(date=ends, days_past_due=plan.grace_days + 1, kind=PLAN_ENDS)
    return (step,), coming.due_date, coming.due_date >= today


def _late_fee_step(*, loan, lines, anchor, today, hypothetical, upcoming, freezes) -> Step | None:
    """The late fee for the payment due on ``anchor``: the one posted, or the one servicing
    will post on its day if the payment stays unpaid."""
    product = loan.product
    if not late_fees.charges_fees(product):
        return None
    day = late_fees.charge_day(anchor, grace_days=product.grace_days)
    if fees_frozen_on(day, freezes):
        return None
    days_late = (day - anchor).days
    if day <= today and not hypothetical:
        posted = [line for line in lines if line.kind == ledger.FEE and line.effective_date == day]
        if posted:
            amount = sum((line.amount for line in posted), start=ZERO)
            return Step(day, days_late, LATE_FEE, fee=amount, happened=True)
        if day < today:
            return None  # no fee was charged for it (a freeze, or the lender's own choice)
    amount = _predicted_fee(loan, lines, day, today, upcoming, freezes)
    if amount <= ZERO:
        return None
    return Step(day, days_late, LATE_FEE, fee=amount)


def _predicted_fee(loan, lines, day, today, upcoming, freezes) -> Decimal:
    """What the fee charged on ``day`` will be if nothing is paid until then. Where the portal
    services the loan, servicing itself is asked: run forward to that day over the lines as
    they are, the first fee it posts that day is the one the ledger will get."""
    product = loan.product
    if product.servicing_enabled:
        planned = plan_postings(loan=loan, lines=list(lines), today=day, freezes=freezes)
        return sum(
            (p.amount for p in planned if p.kind == ledger.FEE and p.effective_date == day),
            start=ZERO,
        )
    due_then = ledger.amount_due(ledger.replay(lines)) + sum(
        (amount for when, amount in upcoming if today < when <= day), start=ZERO
    )
    return late_fees.fee_amount(
        product=product, installment_amount=loan.installment_amount, amount_due=due_then
    )
