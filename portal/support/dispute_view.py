"""What a supervisor needs beside a disputed entry: the loan's ledger around it (every entry 30
days either side, payments marked), read as the statement reads it, and for a disputed fee the
product rule that produced it. Nothing here computes money: amounts are the ledger's, and the
rule's figures are the product's terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from repayment.ledger.reading import ledger_lines
from repayment.models import EntryKind, LedgerEntry, Loan
from repayment.servicing import late_fees

AROUND_DAYS = 30
# Servicing names the late fee it posts for installment n "svc:late-fee:n".
_LATE_FEE_ID = re.compile(r"^svc:late-fee:(\d+)$")


@dataclass(frozen=True, slots=True)
class Row:
    pk: int
    kind: str
    kind_label: str
    effective_date: date
    amount: Decimal
    description: str
    disputed: bool
    reversed: bool  # a later correction cancels it

    @property
    def is_payment(self) -> bool:
        return self.kind == EntryKind.PAYMENT


@dataclass(frozen=True, slots=True)
class Around:
    start: date
    end: date
    rows: tuple[Row, ...]

    @property
    def payments(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.is_payment)


def ledger_around(*, loan: Loan, entry: LedgerEntry, days: int = AROUND_DAYS) -> Around:
    """The loan's entries from ``days`` before the disputed entry to ``days`` after it, oldest
    first: one query."""
    start = entry.effective_date - timedelta(days=days)
    end = entry.effective_date + timedelta(days=days)
    lines = ledger_lines(loan=loan, until=end)
    reversed_ids = {line.reverses_id for line in lines if line.reverses_id}
    labels = dict(EntryKind.choices)
    rows = tuple(
        Row(
            pk=line.id,
            kind=line.kind,
            kind_label=str(labels.get(line.kind, line.kind)),
            effective_date=line.effective_date,
            amount=line.amount,
            description=line.description,
            disputed=line.id == entry.pk,
            reversed=line.id in reversed_ids,
        )
        for line in sorted(lines, key=lambda line: (line.effective_date, line.id))
        if line.effective_date >= start
    )
    return Around(start=start, end=end, rows=rows)


@dataclass(frozen=True, slots=True)
class FeeRule:
    grace_days: int
    fixed: Decimal
    percent: Decimal
    cap: Decimal | None
    installment: int | None  # the installment the fee is for, when servicing posted it
    charged_from: date | None  # the day a fee is charged for that installment
    due_on: date | None
    posted_by_portal: bool

    @property
    def percent_text(self) -> str:
        """The percentage without trailing zeros: "2.5", not "2.500"."""
        return format(self.percent.normalize(), "f")


def fee_rule(*, loan: Loan, entry: LedgerEntry) -> FeeRule | None:
    """The product's late-fee rule behind a disputed fee; None for any other entry."""
    if entry.kind != EntryKind.FEE:
        return None
    product = loan.product
    match = _LATE_FEE_ID.match(entry.external_id or "")
    installment = int(match.group(1)) if match else None
    due_on = charged_from = None
    if installment is not None:
        due = (
            LedgerEntry.objects.filter(
                loan=loan,
                kind=EntryKind.INSTALLMENT_DUE,
                external_id=f"svc:installment:{installment}",
            )
            .values_list("effective_date", flat=True)
            .first()
        )
        if due is not None:
            due_on = due
            charged_from = late_fees.charge_day(due, grace_days=product.grace_days)
    return FeeRule(
        grace_days=product.grace_days,
        fixed=product.late_fee_fixed,
        percent=product.late_fee_percent,
        cap=product.late_fee_cap,
        installment=installment,
        charged_from=charged_from,
        due_on=due_on,
        posted_by_portal=match is not None,
    )
