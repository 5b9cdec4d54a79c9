"""What a loan's position reads besides its ledger: open disputes, plans and pauses.

``hardship_rows`` reads them as plain rows in a few small queries, so the statement's cache key
can name them; ``circumstances`` turns those rows into the position's ``Circumstances``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from repayment.ledger import replay as ledger
from repayment.ledger.replay import Line
from repayment.models import (
    DisputeStatus,
    Loan,
    PauseStatus,
    PlanInstallment,
    PlanStatus,
)
from repayment.plans.payments_matched import ScheduledPayment, match, payments_since
from repayment.plans.policy import policy_for
from repayment.position import Circumstances, PauseWindow, PlanFacts
from repayment.servicing.freeze_windows import Freeze

# An open-ended freeze (an active plan's) runs to here; servicing looks no further than today.
OPEN_END = date(9999, 12, 31)


class HardshipRows(NamedTuple):
    disputed_entry_ids: tuple[int, ...]
    # (id, status, starts_on, ended_on, covers_overdue), oldest first, cancelled left out.
    plans: tuple[tuple, ...]
    # (plan id, number, due_date, amount) of the active plan.
    installments: tuple[tuple, ...]
    # (id, starts_on, ends_on, freezes_interest, freezes_fees) of pauses granted.
    pauses: tuple[tuple, ...]
    # The product's plan policy as it bears on the position.
    plan_grace_days: int
    freeze_fees_during_plan: bool

    def freezes(self) -> tuple[Freeze, ...]:
        """The windows in which servicing charges no interest or no fees, as ``freezes_for``
        reads them for one loan."""
        return freezes_from(
            pauses=[pause[1:] for pause in self.pauses],  # without the id
            plans=[(starts_on, ended_on) for _pk, _s, starts_on, ended_on, _c in self.plans],
            freeze_fees_during_plan=self.freeze_fees_during_plan,
        )


def hardship_rows(loan: Loan) -> HardshipRows:
    """Read for this loan alone. A loan from ``repayment.selectors.loans_of`` comes marked with
    whether it has open disputes, plans and pauses at all: most loans have none, and cost no
    query for them."""
    policy = policy_for(loan.product)

    def has(mark: str) -> bool:
        return getattr(loan, mark, True)  # an unmarked loan: ask

    return HardshipRows(
        disputed_entry_ids=tuple(
            loan.disputes.filter(status=DisputeStatus.OPEN)
            .order_by("entry_id")
            .values_list("entry_id", flat=True)
        )
        if has("has_open_dispute")
        else (),
        plans=tuple(
            loan.plans.exclude(status=PlanStatus.CANCELLED)
            .order_by("pk")
            .values_list("pk", "status", "starts_on", "ended_on", "covers_overdue")
        )
        if has("has_plan")
        else (),
        installments=tuple(
            PlanInstallment.objects.filter(plan__loan=loan, plan__status=PlanStatus.ACTIVE)
            .order_by("plan_id", "number")
            .values_list("plan_id", "number", "due_date", "amount")
        )
        if has("has_active_plan")
        else (),
        pauses=tuple(
            loan.pauses.filter(status__in=[PauseStatus.GRANTED, PauseStatus.ENDED])
            .order_by("pk")
            .values_list("pk", "starts_on", "ends_on", "freezes_interest", "freezes_fees")
        )
        if has("has_pause")
        else (),
        plan_grace_days=policy.plan_grace_days,
        freeze_fees_during_plan=policy.freeze_fees_during_plan,
    )


def rows_from(loan: Loan, *, plans, pauses, disputes) -> HardshipRows:
    """The same rows, from a loan's plans (with their installments prefetched), pauses and
    disputes already read: the console reads them for every loan of a borrower at once."""
    policy = policy_for(loan.product)
    kept = sorted((plan for plan in plans if plan.status != PlanStatus.CANCELLED), key=_pk)
    return HardshipRows(
        disputed_entry_ids=tuple(
            sorted(d.entry_id for d in disputes if d.status == DisputeStatus.OPEN)
        ),
        plans=tuple(
            (plan.pk, plan.status, plan.starts_on, plan.ended_on, plan.covers_overdue)
            for plan in kept
        ),
        installments=tuple(
            (plan.pk, item.number, item.due_date, item.amount)
            for plan in kept
            if plan.status == PlanStatus.ACTIVE
            for item in sorted(plan.installments.all(), key=lambda item: item.number)
        ),
        pauses=tuple(
            (p.pk, p.starts_on, p.ends_on, p.freezes_interest, p.freezes_fees)
            for p in sorted(pauses, key=_pk)
            if p.status in (PauseStatus.GRANTED, PauseStatus.ENDED)
        ),
        plan_grace_days=policy.plan_grace_days,
        freeze_fees_during_plan=policy.freeze_fees_during_plan,
    )


def _pk(row) -> int:
    return row.pk


def circumstances(rows: HardshipRows, *, lines: list[Line], today: date) -> Circumstances:
    active = [row for row in rows.plans if row[1] == PlanStatus.ACTIVE]
    plan = None
    if active:
        plan_id, _status, starts_on, _ended, covers_overdue = active[-1]
        schedule = [
            ScheduledPayment(number, due_date, amount)
            for owner, number, due_date, amount in rows.installments
            if owner == plan_id
        ]
        progress = match(
            schedule,
            payments_since(ledger.lines_until(lines, today), starts_on),
            today=today,
            grace_days=rows.plan_grace_days,
        )
        plan = PlanFacts(
            progress=progress, grace_days=rows.plan_grace_days, covers_overdue=covers_overdue
        )
    freezes = freezes_from(
        pauses=[(start, end, interest, fees) for _pk, start, end, interest, fees in rows.pauses],
        plans=[(starts_on, ended_on) for _pk, _s, starts_on, ended_on, _c in rows.plans],
        freeze_fees_during_plan=rows.freeze_fees_during_plan,
    )
    return Circumstances(
        disputed_entry_ids=frozenset(rows.disputed_entry_ids),
        plan=plan,
        last_plan_broken=bool(rows.plans) and rows.plans[-1][1] == PlanStatus.BROKEN,
        pauses=tuple(PauseWindow(start, end) for _pk, start, end, _i, _f in rows.pauses),
        freezes=freezes,
    )


def freezes_from(*, pauses, plans, freeze_fees_during_plan: bool) -> tuple[Freeze, ...]:
    """Freeze windows from granted pauses, as (starts_on, ends_on, no interest, no fees), and
    from plans not cancelled, as (starts_on, ended_on or None): a plan freezes fees only where
    the product's policy says so."""
    freezes = [
        Freeze(start=start, end=end, interest=interest, fees=fees, reason="pause")
        for start, end, interest, fees in pauses
    ]
    if freeze_fees_during_plan:
        for starts_on, ended_on in plans:
            end = ended_on - timedelta(days=1) if ended_on else OPEN_END
            if end >= starts_on:
                freezes.append(
                    Freeze(start=starts_on, end=end, interest=False, fees=True, reason="plan")
                )
    return tuple(freezes)
