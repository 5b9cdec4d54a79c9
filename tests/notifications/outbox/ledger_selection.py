"""The reminder planner's selections as they were before the kept positions: set-based queries
that replay each candidate's ledger (window sums over its entries). Kept here, in the tests,
as the reference the table-backed selections are compared with on generated books."""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterator
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Case, DecimalField, F, Max, Q, Sum, Value, When, Window
from django.db.models.functions import Coalesce

from portal.notifications.models import Event
from portal.notifications.outbox.selection import CADENCE, UPCOMING_DAYS, Due
from repayment import position as positions
from repayment.models import (
    EntryKind,
    Frequency,
    LedgerEntry,
    Loan,
    Pause,
    PauseStatus,
    PlanStatus,
)
from repayment.position import PauseWindow
from repayment.servicing.product_terms import add_months, add_periods

OBLIGATIONS = (EntryKind.INSTALLMENT_DUE, EntryKind.FEE)
CREDITS = (EntryKind.PAYMENT, EntryKind.WAIVER)
OWED = (EntryKind.DISBURSEMENT, EntryKind.INTEREST, EntryKind.FEE)
MONEY = DecimalField(max_digits=16, decimal_places=2)


def _sum(condition: Q):
    live = Q(entries__reversed_by__isnull=True)
    return Coalesce(
        Sum("entries__amount", filter=condition & live), Value(Decimal(0)), output_field=MONEY
    )


def missed(*, time_zones: Collection[str], today: date) -> Iterator[Due]:
    """Loans whose oldest unpaid due date is a cadence number of days ago, in one query.

    Candidates are the zone's loans with an obligation dated on a cadence day. For each, the
    obligations to date are numbered by a running total (in replay order: date, then the order
    recorded); those whose running total exceeds the credits to date are unpaid, and the first
    of them is the oldest unpaid one. The last running total less the credits is what is due."""
    cadence_days = {today - timedelta(days=days): days for days in CADENCE}
    live = {"reversed_by__isnull": True, "effective_date__lte": today}
    # Paused days do not count as days late (repayment.position), so a loan paused within the
    # cadence's reach is a candidate whatever its dates; its days late are counted below.
    pauses = _pauses(time_zones=time_zones, today=today)
    candidates = LedgerEntry.objects.filter(
        Q(kind__in=OBLIGATIONS, effective_date__in=cadence_days) | Q(loan_id__in=pauses),
        loan__borrower__time_zone__in=time_zones,
        reversed_by__isnull=True,
    ).values("loan_id")
    obligation = Q(kind__in=OBLIGATIONS)
    credit = Q(kind__in=CREDITS)
    # One pass over each candidate's obligations and credits: the running total of the
    # obligations, and the credits' total over the whole loan (a window with no order). A
    # correlated subquery for the credits ran once per obligation row, half the query's time.
    entries = (
        LedgerEntry.objects.filter(obligation | credit, loan__in=candidates, **live)
        .annotate(
            running=Window(
                Sum(Case(When(obligation, then="amount"), default=Value(Decimal(0)))),
                partition_by=[F("loan_id")],
                order_by=[F("effective_date").asc(), F("id").asc()],
            ),
            paid=Window(
                Sum(Case(When(credit, then="amount"), default=Value(Decimal(0)))),
                partition_by=[F("loan_id")],
            ),
        )
        .filter(running__gt=F("paid"))
        .values_list("loan_id", "loan__borrower_id", "effective_date", "running", "paid", "kind")
    )
    # Credit rows carry the running total too; only obligations can be unpaid.
    unpaid = (row[:5] for row in entries if row[5] in OBLIGATIONS)
    oldest: dict[int, tuple] = {}
    owed: dict[int, Decimal] = {}
    for loan_id, borrower_id, day, running, paid in unpaid:
        if loan_id not in oldest or day < oldest[loan_id][1]:
            oldest[loan_id] = (borrower_id, day)
        owed[loan_id] = max(owed.get(loan_id, running - paid), running - paid)
    for loan_id, (borrower_id, day) in oldest.items():
        days_late = (
            positions.days_late(day, today, pauses[loan_id])
            if loan_id in pauses
            else cadence_days.get(day)
        )
        if days_late not in CADENCE:
            continue
        yield Due(
            borrower_id=borrower_id,
            loan_id=loan_id,
            event=CADENCE[days_late],
            due_on=today,
            facts={"amount": owed[loan_id], "days_late": days_late, "due_date": day},
        )


def _pauses(*, time_zones: Collection[str], today: date) -> dict[int, list[PauseWindow]]:
    """Granted pauses that began by today and ended within the cadence's longest reach."""
    reach = today - timedelta(days=max(CADENCE))
    windows: dict[int, list[PauseWindow]] = {}
    rows = Pause.objects.filter(
        loan__borrower__time_zone__in=time_zones,
        status__in=[PauseStatus.GRANTED, PauseStatus.ENDED],
        starts_on__lte=today,
        ends_on__gte=reach,
    ).values_list("loan_id", "starts_on", "ends_on")
    for loan_id, starts_on, ends_on in rows:
        windows.setdefault(loan_id, []).append(PauseWindow(starts_on, ends_on))
    return windows


def first_due_dates_for(target: date, frequency: str, most: int) -> dict[date, int]:
    """Every first due date whose k-th installment (k from 0) falls on ``target``, with k,
    for k below ``most``. Monthly dates clamp to the month's end like ``add_months``."""
    found: dict[date, int] = {}
    for k in range(most):
        if frequency != Frequency.MONTHLY:
            found[add_periods(target, frequency, -k)] = k
            continue
        month = add_months(target.replace(day=1), -k)
        for day in range(1, calendar.monthrange(month.year, month.month)[1] + 1):
            first = month.replace(day=day)
            if add_months(first, k) == target:
                found[first] = k
    return found


def upcoming(*, time_zones: Collection[str], today: date) -> Iterator[Due]:
    """Loans with an installment due in ``UPCOMING_DAYS`` days that are up to date, still
    owe something, and have no active plan (plans remind about their own payments)."""
    target = today + timedelta(days=UPCOMING_DAYS)
    longest = dict(
        Loan.objects.filter(borrower__time_zone__in=time_zones)
        .values("product__installment_frequency")
        .annotate(most=Max("installment_count"))
        .values_list("product__installment_frequency", "most")
    )
    for frequency, most in longest.items():
        firsts = first_due_dates_for(target, frequency, most or 0)
        if not firsts:
            continue
        loans = (
            Loan.objects.filter(
                borrower__time_zone__in=time_zones,
                product__installment_frequency=frequency,
                first_due_date__in=firsts,
            )
            .exclude(plans__status=PlanStatus.ACTIVE)
            .annotate(
                due=_sum(Q(entries__kind__in=OBLIGATIONS, entries__effective_date__lte=today)),
                owed=_sum(Q(entries__kind__in=OWED, entries__effective_date__lte=today)),
                credits=_sum(Q(entries__kind__in=CREDITS, entries__effective_date__lte=today)),
            )
            .filter(due__lte=F("credits"), owed__gt=F("credits"))
            .annotate(left=F("owed") - F("credits"))
            .values_list(
                "pk",
                "borrower_id",
                "first_due_date",
                "installment_count",
                "installment_amount",
                "left",
            )
        )
        for loan_id, borrower_id, first, count, amount, left in loans:
            if firsts[first] < count:
                # What the statement's next payment says: the last one clears what is left.
                amount = left if firsts[first] == count - 1 else min(amount, left)
                yield Due(
                    borrower_id=borrower_id,
                    loan_id=loan_id,
                    event=Event.UPCOMING_DUE,
                    due_on=today,
                    facts={"amount": amount, "due_date": target},
                )
