"""Replaying a loan's ledger into balances, amounts due and days late: plain values, no queries.
The ledger's rules: docs/servicing.md."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from repayment.models import Component, EntryKind
from repayment.money import ZERO

# Plain strings, not the enum members: replay compares kinds thousands of times a request.
DISBURSEMENT = EntryKind.DISBURSEMENT.value
INSTALLMENT_DUE = EntryKind.INSTALLMENT_DUE.value
INTEREST = EntryKind.INTEREST.value
FEE = EntryKind.FEE.value
PAYMENT = EntryKind.PAYMENT.value
WAIVER = EntryKind.WAIVER.value
REVERSAL = EntryKind.REVERSAL.value

CREDITS = frozenset({PAYMENT, WAIVER})
OBLIGATIONS = frozenset({INSTALLMENT_DUE, FEE})


# Named tuples rather than frozen dataclasses: just as immutable, and a statement builds
# thousands of them per request, which tuples do several times faster.
class Components(NamedTuple):
    """A balance, or a change to one, split by what it is for. ``+`` adds component-wise."""

    principal: Decimal = ZERO
    interest: Decimal = ZERO
    fees: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest + self.fees

    def __add__(self, other: Components) -> Components:  # type: ignore[override]
        return Components(
            self.principal + other.principal,
            self.interest + other.interest,
            self.fees + other.fees,
        )

    def __neg__(self) -> Components:
        return Components(-self.principal, -self.interest, -self.fees)


class Line(NamedTuple):
    """One ledger entry as the statement needs it."""

    id: int
    kind: str
    effective_date: date
    amount: Decimal
    component: str = ""
    reverses_id: int | None = None
    description: str = ""
    external_id: str = ""


class AppliedLine(NamedTuple):
    line: Line
    change: Components
    balance: Components
    # How this entry moved the part of the balance that is due now (see ``due_change``).
    due_change: Decimal
    reversed: bool = False
    reversed_kind: str = ""


def _split_payment(interest: Decimal, fees: Decimal, amount: Decimal):
    to_fees = min(max(fees, ZERO), amount)
    to_interest = min(max(interest, ZERO), amount - to_fees)
    return amount - to_fees - to_interest, to_interest, to_fees


@dataclass(frozen=True)
class Replay:
    lines: tuple[AppliedLine, ...]
    balance: Components
    due: Decimal
    reversed_ids: frozenset[int] = field(default_factory=frozenset)


def ordered(lines: Iterable[Line]) -> list[Line]:
    return sorted(lines, key=lambda line: (line.effective_date, line.id))


def replay(lines: Iterable[Line]) -> Replay:
    """Apply entries in order. A reversal whose entry is missing (or later) is ignored rather
    than guessed at; validation on the way in refuses such batches.

    The loop keeps the running balance in plain locals and builds each tuple once: a statement
    replays thousands of entries per request."""
    principal = interest = fees = due = ZERO
    applied: dict[int, AppliedLine] = {}
    out: list[AppliedLine] = []
    sequence = ordered(lines)
    reversed_ids = frozenset(
        line.reverses_id for line in sequence if line.kind == REVERSAL and line.reverses_id
    )
    make = tuple.__new__
    for line in sequence:
        kind, amount = line.kind, line.amount
        reversed_kind = ""
        d_principal = d_interest = d_fees = due_change = ZERO
        if kind == PAYMENT:
            paid = _split_payment(interest, fees, amount)
            d_principal, d_interest, d_fees = -paid[0], -paid[1], -paid[2]
            due_change = -amount
        elif kind == INSTALLMENT_DUE:
            due_change = amount
        elif kind == INTEREST:
            d_interest = amount
        elif kind == FEE:
            d_fees = due_change = amount
        elif kind == DISBURSEMENT:
            d_principal = amount
        elif kind == WAIVER:
            due_change = -amount
            if line.component == Component.PRINCIPAL.value:
                d_principal = -amount
            elif line.component == Component.INTEREST.value:
                d_interest = -amount
            else:
                d_fees = -amount
        elif kind == REVERSAL:
            target = applied.get(line.reverses_id)
            if target is None:
                continue
            d_principal, d_interest, d_fees = (
                -target.change[0],
                -target.change[1],
                -target.change[2],
            )
            due_change = -target.due_change
            reversed_kind = target.line.kind
        principal += d_principal
        interest += d_interest
        fees += d_fees
        due += due_change
        entry = make(
            AppliedLine,
            (
                line,
                make(Components, (d_principal, d_interest, d_fees)),
                make(Components, (principal, interest, fees)),
                due_change,
                line.id in reversed_ids,
                reversed_kind,
            ),
        )
        applied[line.id] = entry
        out.append(entry)
    return Replay(
        lines=tuple(out),
        balance=Components(principal, interest, fees),
        due=due,
        reversed_ids=reversed_ids,
    )


def amount_due(result: Replay) -> Decimal:
    """What is due now: obligations fallen due less credits, never below zero and never more
    than the whole balance."""
    return max(ZERO, min(result.due, result.balance.total))


def oldest_unpaid_due_date(result: Replay) -> date | None:
    """The due date of the oldest obligation not yet covered, first in, first out."""
    if amount_due(result) <= ZERO:
        return None
    cancelled = result.reversed_ids
    obligations = [
        applied.line
        for applied in result.lines
        if applied.line.kind in OBLIGATIONS and applied.line.id not in cancelled
    ]
    credits = sum(
        (
            applied.line.amount
            for applied in result.lines
            if applied.line.kind in CREDITS and applied.line.id not in cancelled
        ),
        ZERO,
    )
    for obligation in obligations:
        if credits >= obligation.amount:
            credits -= obligation.amount
            continue
        return obligation.effective_date
    return None


def days_late(oldest_unpaid: date | None, today: date) -> int:
    """Days past due counted from the oldest unpaid due date; none on the due date itself."""
    if oldest_unpaid is None or oldest_unpaid >= today:
        return 0
    return (today - oldest_unpaid).days


def covered(lines: Sequence[Line], *, obligations_until: date, credits_until: date) -> bool:
    """Whether the credits dated up to ``credits_until`` pay every obligation dated up to
    ``obligations_until``, first in, first out, as ``oldest_unpaid_due_date`` counts them.

    One pass over plain values, no replay: daily servicing asks it for every past installment,
    and the answer is nearly always yes. If it is, nothing due by ``obligations_until`` is
    unpaid at ``credits_until``."""
    seen = [line for line in lines if line.effective_date <= credits_until]
    cancelled = {line.reverses_id for line in seen if line.kind == REVERSAL}
    obligations = credits = ZERO
    for line in seen:
        if line.id in cancelled:
            continue
        if line.kind in OBLIGATIONS and line.effective_date <= obligations_until:
            obligations += line.amount
        elif line.kind in CREDITS:
            credits += line.amount
    return credits >= obligations


def lines_until(lines: Sequence[Line], day: date) -> list[Line]:
    return [line for line in lines if line.effective_date <= day]
