"""Who is due a reminder on a local day: set-based queries over the whole book, a fixed number
of them whatever its size. See docs/reminders.md."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import F, Q

from portal.notifications.models import Event
from repayment import position as positions
from repayment.models import EntryKind, LedgerEntry, LoanPosition, PlanInstallment, PlanStatus

# Days past due -> the message. Kind and spaced out: a reminder, then the offer of a plan,
# then reminders that get rarer; every one leads with what the borrower can do.
CADENCE: dict[int, Event] = {
    3: Event.PAYMENT_MISSED,
    10: Event.PLAN_OFFER_AVAILABLE,
    17: Event.PAYMENT_MISSED,
    30: Event.PAYMENT_MISSED,
    45: Event.PLAN_OFFER_AVAILABLE,
    60: Event.PAYMENT_MISSED,
    **dict.fromkeys(range(90, 361, 30), Event.PAYMENT_MISSED),
}
UPCOMING_DAYS = 3  # "your payment is due on Friday" three days ahead
PLAN_REMINDER_DAYS = 2
PAYMENT_LOOKBACK = timedelta(days=3)  # payments recorded this recently are acknowledged


@dataclass(frozen=True, slots=True)
class Due:
    """One message a borrower is due, before the rules have had their say. ``facts`` are raw
    values (Decimal, date, int); the planner formats them in the borrower's language."""

    borrower_id: int
    loan_id: int
    event: Event
    due_on: date
    facts: Mapping[str, object] = field(default_factory=dict)
    tag: str = ""  # tells apart two messages of one event on one day (two payments)


def missed(*, time_zones: Collection[str], today: date) -> Iterator[Due]:
    """Loans whose days past due are a cadence number today, read from the kept positions in
    one query: a late loan's count runs from its ``late_counted_from`` day, so the loans due a
    reminder are those whose day is a cadence number of days ago. A paused loan's count stands
    still (``LoanPosition.days_past_due``); the few paused rows are counted one by one.

    The facts are the contract's, as the ledger has them: what has fallen due and is unpaid,
    since the oldest unpaid due date. The contact rules then hold what a plan, a pause or a
    dispute holds (docs/contact-rules.md)."""
    cadence_days = [today - timedelta(days=days) for days in CADENCE]
    rows = (
        LoanPosition.objects.filter(loan__borrower__time_zone__in=time_zones)
        .filter(
            Q(paused_from__isnull=True, late_counted_from__in=cadence_days)
            | Q(paused_from__isnull=False, late_counted_from__isnull=False)
        )
        .only(
            "loan_id", "late_counted_from", "paused_from", "contract_due", "oldest_unpaid_due_date"
        )
        .annotate(borrower_id=F("loan__borrower_id"))
    )
    for row in rows:
        days_late = row.days_past_due(today)
        if days_late not in CADENCE:
            continue
        yield Due(
            borrower_id=row.borrower_id,
            loan_id=row.loan_id,
            event=CADENCE[days_late],
            due_on=today,
            facts={
                "amount": row.contract_due,
                "days_late": days_late,
                "due_date": row.oldest_unpaid_due_date,
            },
        )


def upcoming(*, time_zones: Collection[str], today: date) -> Iterator[Due]:
    """Loans up to date whose next payment, on their own terms, falls due in ``UPCOMING_DAYS``
    days, with the amount the statement shows for it; plans remind about their own payments."""
    target = today + timedelta(days=UPCOMING_DAYS)
    rows = LoanPosition.objects.filter(
        loan__borrower__time_zone__in=time_zones,
        status=positions.UP_TO_DATE,
        next_due_date=target,
        next_due_source=positions.CONTRACT,
    ).values_list("loan_id", "loan__borrower_id", "next_due_amount")
    for loan_id, borrower_id, amount in rows:
        yield Due(
            borrower_id=borrower_id,
            loan_id=loan_id,
            event=Event.UPCOMING_DUE,
            due_on=today,
            facts={"amount": amount, "due_date": target},
        )


def plan_installments(*, time_zones: Collection[str], today: date) -> Iterator[Due]:
    target = today + timedelta(days=PLAN_REMINDER_DAYS)
    rows = PlanInstallment.objects.filter(
        due_date=target,
        plan__status=PlanStatus.ACTIVE,
        plan__loan__borrower__time_zone__in=time_zones,
    ).values_list("plan__loan_id", "plan__loan__borrower_id", "amount", "plan_id")
    for loan_id, borrower_id, amount, plan_id in rows:
        yield Due(
            borrower_id=borrower_id,
            loan_id=loan_id,
            event=Event.PLAN_INSTALLMENT_DUE,
            due_on=today,
            facts={"amount": amount, "due_date": target},
            tag=f"plan{plan_id}",
        )


def payments_received(*, time_zones: Collection[str], today: date, now: datetime) -> Iterator[Due]:
    rows = LedgerEntry.objects.filter(
        kind=EntryKind.PAYMENT,
        loan__borrower__time_zone__in=time_zones,
        effective_date__gte=today - PAYMENT_LOOKBACK,
        effective_date__lte=today,
        recorded_at__gte=now - PAYMENT_LOOKBACK,
        reversed_by__isnull=True,
    ).values_list("pk", "loan_id", "loan__borrower_id", "amount", "effective_date")
    for pk, loan_id, borrower_id, amount, day in rows:
        yield Due(
            borrower_id=borrower_id,
            loan_id=loan_id,
            event=Event.PAYMENT_RECEIVED,
            due_on=day,
            facts={"amount": amount, "paid_on": day},
            tag=f"entry{pk}",
        )
