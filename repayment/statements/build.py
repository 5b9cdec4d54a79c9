"""The account statement as one immutable value, built from a loan's ledger: balances by
component, what is due, the itemised history and the consequence timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from repayment import position as position_of
from repayment.ledger import replay as ledger
from repayment.ledger.replay import Components, Line
from repayment.models import Loan
from repayment.money import ZERO
from repayment.position import Circumstances, NextPayment, Position, Step

# The statuses are the position's; named here too for the pages that read a statement.
UP_TO_DATE, DUE_TODAY, LATE, PAID_OFF, IN_CREDIT = (
    position_of.UP_TO_DATE,
    position_of.DUE_TODAY,
    position_of.LATE,
    position_of.PAID_OFF,
    position_of.IN_CREDIT,
)


@dataclass(frozen=True, slots=True)
class Lender:
    name: str
    phone: str
    email: str
    website: str
    address: str


class HistoryLine(NamedTuple):
    date: date
    kind: str
    reversed_kind: str
    description: str
    # Signed change to what is owed: positive raises it, negative lowers it.
    change: Decimal
    # For an installment falling due: how much became due (the balance does not move).
    became_due: Decimal
    balance: Decimal
    reversed: bool
    entry_id: int = 0


@dataclass(frozen=True, slots=True)
class Itemisation:
    """Totals since the itemisation date, as a US Regulation F validation notice lists them
    (12 CFR 1006.34(c)(2)): they reconcile, start + every movement = balance now."""

    since: date
    balance_at_start: Decimal
    borrowed: Decimal
    interest: Decimal
    fees: Decimal
    payments: Decimal
    credits: Decimal
    balance_now: Decimal


@dataclass(frozen=True, slots=True)
class Statement:
    loan_id: int
    reference: str
    product_name: str
    product_name_zh_hans: str
    lender: Lender
    currency: str
    principal: Decimal
    opened_on: date
    installment_amount: Decimal
    installment_count: int
    frequency: str
    as_of: datetime
    today: date
    time_zone: str
    # What the borrower owes, is asked for and faces: one source for every surface.
    position: Position
    itemisation: Itemisation
    history: tuple[HistoryLine, ...]
    balance_series: tuple[tuple[date, Decimal], ...]
    # Names this statement's content exactly (see the module docstring): pages may cache what
    # they render from it under this name. Empty for a statement not made by statement_for.
    cache_key: str = ""

    def product_label(self, language: str) -> str:
        if language == "zh-hans" and self.product_name_zh_hans:
            return self.product_name_zh_hans
        return self.product_name

    # The position's figures, under the names the pages have always read.
    @property
    def balance(self) -> Components:
        return self.position.balance

    @property
    def status(self) -> str:
        return self.position.status

    @property
    def amount_due(self) -> Decimal:
        return self.position.amount_due

    @property
    def days_past_due(self) -> int:
        return self.position.days_past_due

    @property
    def oldest_unpaid_due_date(self) -> date | None:
        return self.position.oldest_unpaid_due_date

    @property
    def next_due(self) -> NextPayment | None:
        return self.position.next_payment

    @property
    def timeline(self) -> tuple[Step, ...]:
        return self.position.steps

    @property
    def timeline_is_hypothetical(self) -> bool:
        return self.position.steps_are_hypothetical

    @property
    def timeline_steps_passed(self) -> int:
        """How many timeline steps have happened: where "today" sits in the timeline."""
        return self.position.steps_passed


def default_itemisation_date(loan: Loan, today: date) -> date:
    """A year back, or the start of the loan if that is later."""
    return max(loan.disbursed_on, today - timedelta(days=365))


def build_statement(
    *,
    loan: Loan,
    lines: list[Line],
    milestones: list,
    as_of: datetime,
    today: date,
    since: date | None = None,
    circumstances: Circumstances | None = None,
) -> Statement:
    product = loan.product
    result = ledger.replay(lines)
    since = since or default_itemisation_date(loan, today)
    lender = product.lender
    return Statement(
        loan_id=loan.pk,
        reference=loan.reference,
        product_name=product.name,
        product_name_zh_hans=product.name_zh_hans,
        lender=Lender(
            lender.name,
            lender.phone,
            lender.email,
            lender.website,
            lender.address,
        ),
        currency=product.currency,
        principal=loan.principal,
        opened_on=loan.disbursed_on,
        installment_amount=loan.installment_amount,
        installment_count=loan.installment_count,
        frequency=product.installment_frequency,
        as_of=as_of,
        today=today,
        time_zone=loan.borrower.time_zone,
        position=position_of.position(
            loan=loan,
            lines=lines,
            milestones=milestones,
            today=today,
            circumstances=circumstances,
            result=result,
        ),
        itemisation=itemise(result, since),
        history=_history(result, since),
        balance_series=_balance_series(result),
    )


def itemise(result: ledger.Replay, since: date) -> Itemisation:
    start = ZERO
    buckets = {"borrowed": ZERO, "interest": ZERO, "fees": ZERO, "payments": ZERO, "credits": ZERO}
    bucket_of = {
        ledger.DISBURSEMENT: "borrowed",
        ledger.INTEREST: "interest",
        ledger.FEE: "fees",
        ledger.PAYMENT: "payments",
        ledger.WAIVER: "credits",
    }
    for applied in result.lines:
        if applied.line.effective_date < since:
            start = applied.balance.total
            continue
        kind = applied.reversed_kind or applied.line.kind
        bucket = bucket_of.get(kind)
        if bucket is None:
            continue
        amount = applied.change.total
        # Payments and credits are listed as positive amounts that lower the balance.
        buckets[bucket] += -amount if bucket in ("payments", "credits") else amount
    return Itemisation(
        since=since, balance_at_start=start, balance_now=result.balance.total, **buckets
    )


def _history(result: ledger.Replay, since: date) -> tuple[HistoryLine, ...]:
    rows = [
        HistoryLine(
            date=applied.line.effective_date,
            kind=applied.line.kind,
            reversed_kind=applied.reversed_kind,
            description=applied.line.description,
            change=applied.change.total,
            became_due=applied.line.amount if applied.line.kind == ledger.INSTALLMENT_DUE else ZERO,
            balance=applied.balance.total,
            reversed=applied.reversed,
            entry_id=applied.line.id,
        )
        for applied in result.lines
        if applied.line.effective_date >= since
    ]
    rows.reverse()  # newest first: what a borrower looks for
    return tuple(rows)


def _balance_series(result: ledger.Replay) -> tuple[tuple[date, Decimal], ...]:
    by_day: dict[date, Decimal] = {}
    for applied in result.lines:
        by_day[applied.line.effective_date] = applied.balance.total
    return tuple(by_day.items())
