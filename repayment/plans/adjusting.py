"""Changes a borrower can make to their own plan without calling: move one payment by up to
the policy's limit (14 days at most), or move every remaining payment to a new payday."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from repayment.models import Frequency, Plan, PlanInstallment, PlanStatus
from repayment.plans.keeping_on_track import progress_of
from repayment.plans.payments_matched import PAID, Progress
from repayment.plans.policy import policy_for


class PlanChangeError(Exception):
    """The change breaks a limit; the message says which, in the borrower's language."""


def movable(plan: Plan, *, today: date, progress: Progress | None = None) -> list[PlanInstallment]:
    """Payments not yet paid and not yet past their date (``progress``: the plan's progress
    today, if the caller already has it)."""
    progress = progress or progress_of(plan, today=today)
    state = {item.number: item.state for item in progress.installments}
    return [
        item
        for item in plan.installments.all()
        if item.due_date >= today and state[item.number] != PAID
    ]


def move_payment(*, plan: Plan, number: int, new_date: date, today: date) -> PlanInstallment:
    policy = policy_for(plan.loan.product)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != PlanStatus.ACTIVE:
            raise PlanChangeError(_("This plan has ended, so its payments can't be moved."))
        if plan.moves_used >= policy.moves_allowed:
            raise PlanChangeError(
                ngettext(
                    "You have already moved %(count)d payment in this plan, which is the most "
                    "this plan allows. Please contact us and we'll look at it with you.",
                    "You have already moved %(count)d payments in this plan, which is the most "
                    "this plan allows. Please contact us and we'll look at it with you.",
                    plan.moves_used,
                )
                % {"count": plan.moves_used}
            )
        candidates = {item.number: item for item in movable(plan, today=today)}
        item = candidates.get(number)
        if item is None:
            raise PlanChangeError(
                _("That payment can't be moved: it is paid or its date has passed.")
            )
        if new_date <= today:
            raise PlanChangeError(_("Choose a date after today."))
        if abs((new_date - item.original_due_date).days) > policy.move_max_days:
            raise PlanChangeError(
                ngettext(
                    "A payment can move by up to %(days)d day from its agreed date.",
                    "A payment can move by up to %(days)d days from its agreed date.",
                    policy.move_max_days,
                )
                % {"days": policy.move_max_days}
            )
        others = [other for other in plan.installments.all() if other.number != number]
        if any(other.due_date == new_date for other in others) or not _keeps_order(
            item, new_date, others
        ):
            raise PlanChangeError(
                _("Choose a date between the payments before and after this one.")
            )
        item.due_date = new_date
        item.save(update_fields=["due_date"])
        plan.moves_used += 1
        plan.save(update_fields=["moves_used"])
    return item


def _keeps_order(item: PlanInstallment, new_date: date, others) -> bool:
    before = [o.due_date for o in others if o.number < item.number]
    after = [o.due_date for o in others if o.number > item.number]
    return (not before or max(before) < new_date) and (not after or new_date < min(after))


def change_payday(*, plan: Plan, day: int, today: date) -> int:
    """Move every remaining payment to ``day``: the day of the month for a monthly plan
    (1–31; a short month uses its last day), the weekday (0 = Monday) otherwise, within the
    same month or week. Payments due in the next few days stay put. Returns how many moved."""
    policy = policy_for(plan.loan.product)
    if not policy.payday_change_allowed:
        raise PlanChangeError(_("This plan's payment day can't be changed online."))
    monthly = plan.frequency == Frequency.MONTHLY
    if not (1 <= day <= 31 if monthly else 0 <= day <= 6):
        raise PlanChangeError(_("Choose a valid payment day."))
    moved = 0
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != PlanStatus.ACTIVE:
            raise PlanChangeError(_("This plan has ended, so its payments can't be moved."))
        for item in movable(plan, today=today):
            if monthly:
                last_day = calendar.monthrange(item.due_date.year, item.due_date.month)[1]
                new_date = item.due_date.replace(day=min(day, last_day))
            else:
                new_date = item.due_date + timedelta(days=day - item.due_date.weekday())
            if new_date <= today or new_date == item.due_date:
                continue
            item.due_date = new_date
            item.save(update_fields=["due_date"])
            moved += 1
    return moved
