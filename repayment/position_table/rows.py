"""A loan's position as the row the table keeps: pure, from the position function's value."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal

from repayment import position as positions
from repayment.position import PauseWindow, Position

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class PositionRow:
    loan_id: int
    as_of: date
    status: str
    principal: Decimal
    interest: Decimal
    fees: Decimal
    balance: Decimal
    contract_due: Decimal
    amount_due: Decimal
    disputed_amount: Decimal
    oldest_unpaid_due_date: date | None
    late_counted_from: date | None
    next_due_date: date | None
    next_due_amount: Decimal | None
    next_due_source: str
    plan_state: str
    plan_covers: Decimal
    paused_from: date | None
    paused_until: date | None
    open_disputes: int
    promised_amount: Decimal | None
    promised_by: date | None
    paid_off_on: date | None
    changes_on: date | None
    services_on: date | None = None

    def values(self) -> dict:
        return {field.name: getattr(self, field.name) for field in fields(self)}

    def standing(self) -> tuple:
        """What the row says, leaving out the day it was worked out for: two rows of one loan
        a day apart agree when nothing but the date has moved."""
        return tuple(getattr(self, name) for name in STANDING)


# The fields that say where a loan stands (not when that was worked out, or until when).
STANDING = tuple(
    field.name
    for field in fields(PositionRow)
    if field.name not in ("loan_id", "as_of", "changes_on", "services_on")
)


@dataclass(frozen=True, slots=True)
class Extras:
    """What the row holds besides the position: it is also what makes it change by date."""

    open_disputes: int = 0
    promised_amount: Decimal | None = None
    promised_by: date | None = None
    pauses: tuple[PauseWindow, ...] = ()
    # The first entry dated after today: on that day the ledger the position reads grows.
    next_entry_on: date | None = None
    # The first day servicing may post something (``servicing.next_day``).
    services_on: date | None = None


def row_of(loan_id: int, position: Position, extras: Extras = Extras()) -> PositionRow:
    today = position.today
    next_payment = position.next_payment
    return PositionRow(
        loan_id=loan_id,
        as_of=today,
        status=position.status,
        principal=position.balance.principal,
        interest=position.balance.interest,
        fees=position.balance.fees,
        balance=position.balance.total,
        contract_due=position.contract_due,
        amount_due=position.amount_due,
        disputed_amount=position.disputed_amount,
        oldest_unpaid_due_date=position.oldest_unpaid_due_date,
        late_counted_from=late_counted_from(position),
        next_due_date=next_payment.date if next_payment else None,
        next_due_amount=next_payment.amount if next_payment else None,
        next_due_source=next_payment.source if next_payment else "",
        plan_state=position.plan_state,
        plan_covers=position.plan_covers,
        paused_from=position.paused_from,
        paused_until=position.paused_until,
        open_disputes=extras.open_disputes,
        promised_amount=extras.promised_amount,
        promised_by=extras.promised_by,
        paid_off_on=position.paid_off_on,
        changes_on=changes_on(position, extras),
        services_on=extras.services_on,
    )


def late_counted_from(position: Position) -> date | None:
    """The day from which days past due count, one a day: today less them. In a pause the
    count stands still, so it is taken from the day before the pause, and the row reads the
    same on every paused day."""
    dpd = position.days_past_due
    if dpd == 0:
        return None
    counted_to = position.paused_from - ONE_DAY if position.paused_from else position.today
    return counted_to - timedelta(days=dpd)


def changes_on(position: Position, extras: Extras) -> date | None:
    """The first day after ``position.today`` on which the row could read differently with
    nothing written: early is harmless (the row is worked out again and comes out the same),
    late is wrong, so every doubt points to tomorrow."""
    today = position.today
    tomorrow = today + ONE_DAY
    days = [day for window in extras.pauses for day in (window.starts_on, window.ends_on + ONE_DAY)]
    if extras.next_entry_on:
        days.append(extras.next_entry_on)
    if position.next_payment:
        days.append(position.next_payment.date)
    if position.status == positions.DUE_TODAY or position.plan_state in (
        positions.GOOD,
        positions.BEHIND,
    ):
        # Due today is late tomorrow; a plan's payments turn late and missed by their dates
        # and its grace days.
        days.append(tomorrow)
    if position.amount_due > 0 and position.days_past_due == 0:
        days.append(tomorrow)
    later = [day for day in days if day > today]
    return min(later) if later else None
