"""What a supervisor needs beside a disputed entry: the loan's ledger around it (every entry 30
days either side, payments marked), the statement's own lines, and for a disputed fee the
product rule that produced it. Nothing here computes money: amounts are the ledger's, and the
rule's figures are the product's terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from repayment.models import EntryKind, LedgerEntry, Loan
from repayment.servicing import late_fees, postings
from repayment.statements.build import HistoryLine
from repayment.statements.cache import statement_for

AROUND_DAYS = 30


@dataclass(frozen=True, slots=True)
class Around:
    start: date
    end: date
    lines: tuple[HistoryLine, ...]  # the statement's lines, oldest first
    disputed_id: int

    @property
    def payments(self) -> tuple[HistoryLine, ...]:
        return tuple(line for line in self.lines if line.kind == EntryKind.PAYMENT)


def ledger_around(*, loan: Loan, entry: LedgerEntry, days: int = AROUND_DAYS) -> Around:
    """The statement's history from ``days`` before the disputed entry to ``days`` after it,
    oldest first: the lines, signs, balances and corrections the borrower reads."""
    start = entry.effective_date - timedelta(days=days)
    end = entry.effective_date + timedelta(days=days)
    history = statement_for(loan=loan, since=start).history  # newest first
    lines = tuple(line for line in reversed(history) if line.date <= end)
    return Around(start=start, end=end, lines=lines, disputed_id=entry.pk)


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
    installment = postings.late_fee_installment(entry.external_id)
    due_on = charged_from = None
    if installment is not None:
        due = (
            LedgerEntry.objects.filter(
                loan=loan,
                kind=EntryKind.INSTALLMENT_DUE,
                external_id=postings.installment_external_id(installment),
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
        posted_by_portal=installment is not None,
    )
