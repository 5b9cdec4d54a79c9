"""Changes a borrower can make to their own plan without calling: move one payment by up to
the policy's limit (14 days at most), or move every remaining payment to a new payday.

Both count against the same limit, the policy's ``move_max_days``: no payment ends up further
than that from the date first agreed for it (``original_due_date``), however many changes are
made, so repeated payday changes cannot slide a payment along. A payday change also keeps every
payment it places at least the plan's shortest period after the one before (``MIN_GAP_DAYS``),
so moving a payment on the 31st to the 1st never leaves two payments a day apart. It is all or
nothing: if any remaining payment cannot go to the new day within these limits, nothing moves,
and the page lists only the days that work (``payday_choices``). A payday change does not use
up the policy's ``moves_allowed``: that counts single moves, and a new payday is not one.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from repayment.models import Frequency, Plan, PlanInstallment, PlanStatus
from repayment.plans.keeping_on_track import progress_of
from repayment.plans.payments_matched import PAID, Progress
from repayment.plans.policy import policy_for
from repayment.position_table.keeping import refresh_loan
from repayment.servicing.product_terms import add_months

# The shortest time between two payments a payday change may leave: a monthly plan's payments
# are 28 days apart at the least (the 31 January, then 28 February), as the schedule itself
# makes them.
MIN_GAP_DAYS = {Frequency.WEEKLY: 7, Frequency.FORTNIGHTLY: 14, Frequency.MONTHLY: 28}


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
        refresh_loan(plan.loan_id)
    return item


def _keeps_order(item: PlanInstallment, new_date: date, others) -> bool:
    before = [o.due_date for o in others if o.number < item.number]
    after = [o.due_date for o in others if o.number > item.number]
    return (not before or max(before) < new_date) and (not after or new_date < min(after))


class Slot(NamedTuple):
    """One payment of a plan, as a payday change sees it."""

    due_date: date
    agreed: date  # the date first agreed: how far it may move counts from here
    movable: bool  # not paid, and not past its date


def payday_candidates(agreed: date, day: int, frequency: str) -> list[date]:
    """The dates on ``day`` near ``agreed``, nearest first (the later of two as near): for a
    monthly plan the day of the month (a short month uses its last day), otherwise the
    weekday (0 = Monday)."""
    if frequency == Frequency.MONTHLY:
        first = agreed.replace(day=1)
        dates = [_day_of_month(add_months(first, months), day) for months in (-1, 0, 1)]
    else:
        this_week = agreed + timedelta(days=day - agreed.weekday())
        dates = [this_week + timedelta(weeks=weeks) for weeks in (-2, -1, 0, 1, 2)]
    return sorted(dates, key=lambda when: (abs((when - agreed).days), -when.toordinal()))


def _day_of_month(first: date, day: int) -> date:
    last = calendar.monthrange(first.year, first.month)[1]
    return first.replace(day=min(day, last))


def on_payday(
    slots: Sequence[Slot], *, day: int, frequency: str, today: date, max_days: int
) -> tuple[date, ...] | None:
    """The plan's dates, in the order of ``slots`` (their date order), with every movable
    payment on ``day``: after today, within ``max_days`` of its agreed date, and at least
    ``MIN_GAP_DAYS`` from its neighbours; each the nearest such date to its agreed date that
    still lets the payments after it find theirs. None if there is no such schedule. Pure."""
    gap = timedelta(days=MIN_GAP_DAYS[frequency])
    limit = timedelta(days=max_days)
    options = [
        [
            candidate
            for candidate in payday_candidates(slot.agreed, day, frequency)
            if candidate > today and abs(candidate - slot.agreed) <= limit
        ]
        if slot.movable
        else [slot.due_date]
        for slot in slots
    ]

    def follows(index: int, earlier: date, later: date) -> bool:
        """``later`` may be slot ``index``'s date after ``earlier`` for the slot before."""
        moving = slots[index].movable or slots[index - 1].movable
        return later > earlier and (not moving or later - earlier >= gap)

    # From the last payment back: the dates each payment may take so that every payment
    # after it can still take one. Then, from the first, the nearest of those dates.
    possible: list[list[date]] = [[] for _ in slots]
    for index in reversed(range(len(slots))):
        possible[index] = [
            candidate
            for candidate in options[index]
            if index == len(slots) - 1
            or any(follows(index + 1, candidate, after) for after in possible[index + 1])
        ]
    chosen: list[date] = []
    for index, dates in enumerate(possible):
        pick = next(
            (when for when in dates if not chosen or follows(index, chosen[-1], when)), None
        )
        if pick is None:
            return None
        chosen.append(pick)
    return tuple(chosen)


def payday_days(frequency: str) -> range:
    return range(1, 32) if frequency == Frequency.MONTHLY else range(7)


def _slots(plan: Plan, installments, *, today: date, progress: Progress | None = None):
    can_move = {item.number for item in movable(plan, today=today, progress=progress)}
    return [
        Slot(item.due_date, item.original_due_date, item.number in can_move)
        for item in installments
    ]


def payday_choices(plan: Plan, *, today: date, progress: Progress | None = None) -> list[int]:
    """The payment days the plan's remaining payments can all move to, within the limits;
    empty when no payment is left to move."""
    policy = policy_for(plan.loan.product)
    slots = _slots(plan, list(plan.installments.all()), today=today, progress=progress)
    if not any(slot.movable for slot in slots):
        return []
    return [
        day
        for day in payday_days(plan.frequency)
        if on_payday(
            slots, day=day, frequency=plan.frequency, today=today, max_days=policy.move_max_days
        )
        is not None
    ]


def change_payday(*, plan: Plan, day: int, today: date) -> int:
    """Move every remaining payment to ``day`` (see ``on_payday``), or none of them if any
    cannot go there within the limits. Returns how many payments have a new date."""
    policy = policy_for(plan.loan.product)
    if not policy.payday_change_allowed:
        raise PlanChangeError(_("This plan's payment day can't be changed online."))
    if day not in payday_days(plan.frequency):
        raise PlanChangeError(_("Choose a valid payment day."))
    moved = 0
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != PlanStatus.ACTIVE:
            raise PlanChangeError(_("This plan has ended, so its payments can't be moved."))
        installments = list(plan.installments.all())
        dates = on_payday(
            _slots(plan, installments, today=today),
            day=day,
            frequency=plan.frequency,
            today=today,
            max_days=policy.move_max_days,
        )
        if dates is None:
            raise PlanChangeError(
                ngettext(
                    "Your payments can't all move to that day. Each payment can move by up to "
                    "%(days)d day from the date first agreed, and no two payments may come "
                    "closer together than the plan allows. Choose one of the days listed, or "
                    "contact us and we'll look at it with you.",
                    "Your payments can't all move to that day. Each payment can move by up to "
                    "%(days)d days from the date first agreed, and no two payments may come "
                    "closer together than the plan allows. Choose one of the days listed, or "
                    "contact us and we'll look at it with you.",
                    policy.move_max_days,
                )
                % {"days": policy.move_max_days}
            )
        for item, new_date in zip(installments, dates, strict=True):
            if new_date != item.due_date:
                item.due_date = new_date
                item.save(update_fields=["due_date"])
                moved += 1
        refresh_loan(plan.loan_id)
    return moved
