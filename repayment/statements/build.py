"""The account statement as one immutable value, built from a loan's ledger: balances by
component, what is due, the itemised history and the consequence timeline."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from repayment.ledger import replay as ledger
from repayment.ledger.replay import Components, Line
from repayment.models import LedgerEntry, Loan
from repayment.money import ZERO
from repayment.servicing import product_terms as terms

UP_TO_DATE = "up_to_date"
DUE_TODAY = "due_today"
LATE = "late"
PAID_OFF = "paid_off"
IN_CREDIT = "in_credit"


@dataclass(frozen=True, slots=True)
class Lender:
    name: str
    phone: str
    email: str
    website: str
    address: str
    debt_advice_name: str = ""
    debt_advice_url: str = ""
    debt_advice_phone: str = ""


@dataclass(frozen=True, slots=True)
class NextDue:
    date: date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Milestone:
    """One step of what happens if the borrower does not pay."""

    date: date
    days_past_due: int
    kind: str  # "late_fee" or "lender"
    explanation_en: str = ""
    explanation_zh_hans: str = ""
    fee: Decimal = ZERO
    happened: bool = False

    def explanation(self, language: str) -> str:
        if language == "zh-hans" and self.explanation_zh_hans:
            return self.explanation_zh_hans
        return self.explanation_en


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
    balance: Components
    amount_due: Decimal
    days_past_due: int
    oldest_unpaid_due_date: date | None
    next_due: NextDue | None
    status: str
    itemisation: Itemisation
    history: tuple[HistoryLine, ...]
    timeline: tuple[Milestone, ...]
    timeline_is_hypothetical: bool
    balance_series: tuple[tuple[date, Decimal], ...]
    # Names this statement's content exactly (see the module docstring): pages may cache what
    # they render from it under this name. Empty for a statement not made by statement_for.
    cache_key: str = ""

    def product_label(self, language: str) -> str:
        if language == "zh-hans" and self.product_name_zh_hans:
            return self.product_name_zh_hans
        return self.product_name

    @property
    def timeline_steps_passed(self) -> int:
        """How many timeline steps have happened: where "today" sits in the timeline."""
        return sum(1 for step in self.timeline if step.happened)


def ledger_lines(*, loan: Loan, until: date | None = None) -> list[Line]:
    """The loan's entries as plain values, up to and including ``until`` if given."""
    entries = LedgerEntry.objects.filter(loan=loan)
    if until is not None:
        entries = entries.filter(effective_date__lte=until)
    rows = entries.values_list(
        "id",
        "kind",
        "effective_date",
        "amount",
        "component",
        "reverses_id",
        "description",
        "external_id",
    )
    return [Line(*row) for row in rows]


def local_today(as_of: datetime, time_zone: str) -> date:
    try:
        zone = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    return as_of.astimezone(zone).date()


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
) -> Statement:
    product = loan.product
    result = ledger.replay(lines)
    balance = result.balance
    due = ledger.amount_due(result)
    oldest = ledger.oldest_unpaid_due_date(result)
    dpd = ledger.days_late(oldest, today)
    next_due = _next_due(loan, today, balance, due)

    if balance.total < ZERO:
        status = IN_CREDIT
    elif balance.total == ZERO and result.lines:
        status = PAID_OFF
    elif dpd > 0:
        status = LATE
    elif due > ZERO:
        status = DUE_TODAY
    else:
        status = UP_TO_DATE

    since = since or default_itemisation_date(loan, today)
    lender = product.lender
    timeline, hypothetical = _timeline(
        product=product,
        milestones=milestones,
        oldest=oldest,
        dpd=dpd,
        next_due=next_due,
        status=status,
        overdue_now=due,
    )
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
            lender.debt_advice_name,
            lender.debt_advice_url,
            lender.debt_advice_phone,
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
        balance=balance,
        amount_due=due,
        days_past_due=dpd,
        oldest_unpaid_due_date=oldest if dpd > 0 else None,
        next_due=next_due,
        status=status,
        itemisation=itemise(result, since),
        history=_history(result, since),
        timeline=timeline,
        timeline_is_hypothetical=hypothetical,
        balance_series=_balance_series(result),
    )


def _next_due(loan: Loan, today: date, balance: Components, due: Decimal) -> NextDue | None:
    not_yet_due = balance.total - due
    if not_yet_due <= ZERO:
        return None
    dates = terms.due_dates(
        loan.first_due_date, loan.product.installment_frequency, loan.installment_count
    )
    upcoming = [day for day in dates if day > today]
    if not upcoming:
        return None
    amount = not_yet_due if len(upcoming) == 1 else min(loan.installment_amount, not_yet_due)
    return NextDue(date=upcoming[0], amount=amount)


def _timeline(*, product, milestones, oldest, dpd, next_due, status, overdue_now):
    """Milestones dated from the oldest unpaid due date; when nothing is overdue, from the
    next due date, as what would happen if that payment were missed."""
    if status in (PAID_OFF, IN_CREDIT):
        return (), False
    if oldest is not None and dpd > 0:
        anchor, hypothetical, overdue = oldest, False, overdue_now
    elif next_due is not None:
        anchor, hypothetical, overdue = next_due.date, True, next_due.amount
    else:
        return (), False
    steps: list[Milestone] = []
    fee_day = product.grace_days + 1
    if product.late_fee_fixed > ZERO or product.late_fee_percent > ZERO:
        fee = terms.late_fee(
            overdue=overdue,
            fixed=product.late_fee_fixed,
            percent=product.late_fee_percent,
            cap=product.late_fee_cap,
            currency=product.currency,
        )
        steps.append(
            Milestone(
                date=anchor + timedelta(days=fee_day),
                days_past_due=fee_day,
                kind="late_fee",
                fee=fee,
                happened=dpd >= fee_day,
            )
        )
    for milestone in milestones:
        steps.append(
            Milestone(
                date=anchor + timedelta(days=milestone.days_past_due),
                days_past_due=milestone.days_past_due,
                kind="lender",
                explanation_en=milestone.explanation,
                explanation_zh_hans=milestone.explanation_zh_hans,
                happened=dpd >= milestone.days_past_due,
            )
        )
    steps.sort(key=lambda step: (step.days_past_due, step.kind != "late_fee"))
    return tuple(steps), hypothetical


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
