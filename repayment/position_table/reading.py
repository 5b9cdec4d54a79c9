"""What the position function reads, for many loans at once: a fixed number of queries for a
chunk of loans whatever its size, read as plain rows (most loans have no plan, pause, dispute
or promise, and model instances for them would cost more than the function itself), then the
pure function per loan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from repayment.ledger.reading import LINE_FIELDS, local_today
from repayment.ledger.replay import Line
from repayment.models import (
    ConsequenceMilestone,
    Dispute,
    DisputeStatus,
    LedgerEntry,
    Loan,
    Pause,
    PauseStatus,
    Plan,
    PlanInstallment,
    PlanStatus,
    Promise,
    PromiseStatus,
)
from repayment.plans.policy import policy_for
from repayment.position import position
from repayment.position_table.rows import Extras, PositionRow, row_of
from repayment.servicing.next_day import next_service_day
from repayment.statements.circumstances import HardshipRows, circumstances


@dataclass(frozen=True, slots=True)
class LoanInputs:
    """One loan and everything the position function and servicing read for it."""

    loan: Loan
    lines: list[Line]  # every entry, dated after today or not
    hardship: HardshipRows
    milestones: list
    promise: tuple[Decimal, date] | None  # the open promise: amount, pay by


def read_inputs(loan_ids: Iterable[int]) -> Iterator[LoanInputs]:
    loan_ids = list(loan_ids)
    loans = list(
        Loan.objects.filter(pk__in=loan_ids)
        .select_related("product__lender", "product__plan_policy", "borrower")
        .order_by("pk")
    )
    lines = _grouped(
        LedgerEntry.objects.filter(loan_id__in=loan_ids)
        .order_by("loan_id", "id")
        .values_list("loan_id", *LINE_FIELDS),
        Line,
    )
    plans = _grouped(
        Plan.objects.filter(loan_id__in=loan_ids)
        .exclude(status=PlanStatus.CANCELLED)
        .order_by("pk")
        .values_list("loan_id", "pk", "status", "starts_on", "ended_on", "covers_overdue")
    )
    installments = _grouped(
        PlanInstallment.objects.filter(plan__loan_id__in=loan_ids, plan__status=PlanStatus.ACTIVE)
        .order_by("plan_id", "number")
        .values_list("plan__loan_id", "plan_id", "number", "due_date", "amount")
    )
    pauses = _grouped(
        Pause.objects.filter(
            loan_id__in=loan_ids, status__in=[PauseStatus.GRANTED, PauseStatus.ENDED]
        )
        .order_by("pk")
        .values_list("loan_id", "pk", "starts_on", "ends_on", "freezes_interest", "freezes_fees")
    )
    disputed = _grouped(
        Dispute.objects.filter(loan_id__in=loan_ids, status=DisputeStatus.OPEN)
        .order_by("entry_id")
        .values_list("loan_id", "entry_id")
    )
    promises = {
        loan_id: (amount, pay_by)
        for loan_id, amount, pay_by in Promise.objects.filter(
            loan_id__in=loan_ids, status=PromiseStatus.OPEN
        )
        .order_by("pk")
        .values_list("loan_id", "amount", "pay_by")
    }
    milestones = defaultdict(list)
    for milestone in ConsequenceMilestone.objects.filter(
        product_id__in={loan.product_id for loan in loans}
    ):
        milestones[milestone.product_id].append(milestone)
    policies = {}
    for loan in loans:
        policy = policies.get(loan.product_id) or policies.setdefault(
            loan.product_id, policy_for(loan.product)
        )
        hardship = HardshipRows(
            disputed_entry_ids=tuple(entry_id for (entry_id,) in disputed.get(loan.pk, ())),
            plans=tuple(plans.get(loan.pk, ())),
            installments=tuple(installments.get(loan.pk, ())),
            pauses=tuple(pauses.get(loan.pk, ())),
            plan_grace_days=policy.plan_grace_days,
            freeze_fees_during_plan=policy.freeze_fees_during_plan,
        )
        yield LoanInputs(
            loan=loan,
            lines=lines.get(loan.pk, []),
            hardship=hardship,
            milestones=milestones[loan.product_id],
            promise=promises.get(loan.pk),
        )


def _grouped(rows, make=tuple) -> dict[int, list]:
    """Rows whose first value is a loan id, by loan id, each the rest of its values."""
    grouped: dict[int, list] = defaultdict(list)
    for loan_id, *values in rows:
        grouped[loan_id].append(make(*values) if make is not tuple else tuple(values))
    return grouped


def position_rows(loan_ids: Iterable[int], *, now: datetime) -> Iterator[PositionRow]:
    """Each loan's row for its borrower's own day at ``now``."""
    for inputs in read_inputs(loan_ids):
        yield row_for(inputs, now=now)


def row_for(inputs: LoanInputs, *, now: datetime) -> PositionRow:
    loan, hardship = inputs.loan, inputs.hardship
    today = local_today(now, loan.borrower.time_zone)
    to_date = [line for line in inputs.lines if line.effective_date <= today]
    later = [line.effective_date for line in inputs.lines if line.effective_date > today]
    facts = circumstances(hardship, lines=to_date, today=today)
    value = position(
        loan=loan, lines=to_date, milestones=inputs.milestones, today=today, circumstances=facts
    )
    amount, pay_by = inputs.promise or (None, None)
    extras = Extras(
        open_disputes=len(hardship.disputed_entry_ids),
        promised_amount=amount,
        promised_by=pay_by,
        pauses=facts.pauses,
        next_entry_on=min(later) if later else None,
        # Worked out whether or not the product asks for servicing now: a product switched on
        # later finds its loans' days already known.
        services_on=next_service_day(
            loan=loan, lines=inputs.lines, today=today, freezes=hardship.freezes()
        ),
    )
    return row_of(loan.pk, value, extras)
