"""Keeping plans on track, daily: complete the plans that are paid, give a missed payment
one more chance at the end of the plan where the policy allows, and end the plans that are
broken, telling the borrower kindly and the lender through the outbox.

Idempotent: every change is decided from the ledger and the plan as they stand, under a lock on
the plan, so a second run the same day finds nothing to do.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from repayment.events import tell_borrower, tell_lender
from repayment.ledger import replay as ledger
from repayment.ledger.reading import ledger_lines, local_today
from repayment.models import (
    Component,
    EntryKind,
    EntrySource,
    LedgerEntry,
    PauseStatus,
    Plan,
    PlanKind,
    PlanStatus,
)
from repayment.models.lender_events import LenderTopic
from repayment.plans.payments_matched import Progress, ScheduledPayment, match, payments_since
from repayment.plans.policy import policy_for
from repayment.position_table.keeping import refresh_loan
from repayment.servicing.product_terms import add_periods

COMPLETED, MOVED_TO_END, BROKEN = "completed", "moved_to_end", "broken"


def progress_of(plan: Plan, *, today: date, lines=None) -> Progress:
    lines = ledger_lines(loan=plan.loan) if lines is None else lines
    schedule = [
        ScheduledPayment(item.number, item.due_date, item.amount)
        for item in plan.installments.all()
    ]
    return match(
        schedule,
        payments_since(ledger.lines_until(lines, today), plan.starts_on),
        today=today,
        grace_days=policy_for(plan.loan.product).plan_grace_days,
    )


def track_all(*, today: date | None = None) -> dict[str, int]:
    now = timezone.now()
    counts = {COMPLETED: 0, MOVED_TO_END: 0, BROKEN: 0}
    plans = Plan.objects.filter(status=PlanStatus.ACTIVE).select_related(
        "loan__product__lender", "loan__borrower"
    )
    for plan in plans.iterator(chunk_size=200):
        outcome = track(plan, today=today or local_today(now, plan.loan.borrower.time_zone))
        if outcome:
            counts[outcome] += 1
    return counts


def track(plan: Plan, *, today: date) -> str | None:
    with transaction.atomic():
        plan = (
            Plan.objects.select_for_update()
            .select_related("loan__product__lender", "loan__borrower")
            .get(pk=plan.pk)
        )
        if plan.status != PlanStatus.ACTIVE:
            return None
        lines = ledger_lines(loan=plan.loan)
        progress = progress_of(plan, today=today, lines=lines)
        if progress.complete:
            _complete(plan, today, lines)
            return COMPLETED
        if not progress.missed:
            return None
        if _paused(plan, today):
            # Nothing is asked of a borrower while a pause lasts: a plan payment missed in it
            # does not end the plan (the statement says so too: repayment.position).
            return None
        policy = policy_for(plan.loan.product)
        if policy.missed_to_end_allowed and not plan.moved_missed_to_end:
            _move_to_end(plan, progress.missed[0].number)
            return MOVED_TO_END
        _break(plan, today)
        return BROKEN


def _paused(plan: Plan, today: date) -> bool:
    return plan.loan.pauses.filter(
        status=PauseStatus.GRANTED, starts_on__lte=today, ends_on__gte=today
    ).exists()


def _complete(plan: Plan, today: date, lines) -> None:
    plan.status, plan.ended_on = PlanStatus.COMPLETED, today
    plan.save(update_fields=["status", "ended_on"])
    if plan.kind == PlanKind.SETTLE and plan.discount:
        _write_off_rest(plan, today, lines)
    refresh_loan(plan.loan_id)
    tell_lender(
        loan=plan.loan,
        topic=LenderTopic.PLAN_COMPLETED,
        key=f"plan.completed:{plan.pk}",
        payload={"plan": plan.pk},
    )
    tell_borrower(loan=plan.loan, event="plan_completed", about=f"plan{plan.pk}")


def _write_off_rest(plan: Plan, today: date, lines) -> None:
    """A kept settlement: waive what is left, fees first, then interest, then principal."""
    balance = ledger.replay(ledger.lines_until(lines, today)).balance
    for component, amount in (
        (Component.FEES, balance.fees),
        (Component.INTEREST, balance.interest),
        (Component.PRINCIPAL, balance.principal),
    ):
        if amount > 0:
            LedgerEntry.objects.get_or_create(
                loan=plan.loan,
                external_id=f"plan:{plan.pk}:settlement:{component}",
                defaults={
                    "kind": EntryKind.WAIVER,
                    "component": component,
                    "effective_date": today,
                    "amount": amount,
                    "description": "Settlement discount",
                    "source": EntrySource.SERVICING,
                },
            )


def _move_to_end(plan: Plan, number: int) -> None:
    installments = list(plan.installments.all())
    missed = next(item for item in installments if item.number == number)
    last = max(item.due_date for item in installments)
    missed.due_date = add_periods(last, plan.frequency, 1)
    # The plan's rules agreed this new date: the borrower's own moves count from it.
    missed.original_due_date = missed.due_date
    missed.save(update_fields=["due_date", "original_due_date"])
    plan.moved_missed_to_end = True
    plan.save(update_fields=["moved_missed_to_end"])
    refresh_loan(plan.loan_id)
    tell_borrower(
        loan=plan.loan,
        event="plan_payment_moved_to_end",
        about=f"plan{plan.pk}",
        facts={"due_date": missed.due_date},
    )


def _break(plan: Plan, today: date) -> None:
    plan.status, plan.ended_on = PlanStatus.BROKEN, today
    plan.save(update_fields=["status", "ended_on"])
    refresh_loan(plan.loan_id)
    tell_lender(
        loan=plan.loan,
        topic=LenderTopic.PLAN_BROKEN,
        key=f"plan.broken:{plan.pk}",
        payload={"plan": plan.pk},
    )
    tell_borrower(loan=plan.loan, event="plan_broken", about=f"plan{plan.pk}")
