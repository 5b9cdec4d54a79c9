"""What a promise to pay and a payment the borrower says they made share: the amount as the
borrower typed it, the ledger's payments in a window of days, and the daily step that settles
each open one against the ledger."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from repayment.ledger import replay as ledger
from repayment.ledger.reading import ledger_lines, local_today
from repayment.models import PaymentReport, PaymentReportStatus, Promise, PromiseStatus
from repayment.money import ZERO
from repayment.plans.payments_matched import payments_since


@dataclass(frozen=True, slots=True)
class OpenWord:
    """What the borrower told us about a loan that holds payment reminders now: an open
    promise to pay and a payment on its way. Every surface that shows one reads it here."""

    promise: Promise | None = None
    report: PaymentReport | None = None

    @property
    def held_until(self) -> date | None:
        days = [word.hold_until for word in (self.promise, self.report) if word is not None]
        return max(days) if days else None


def open_words(loans: Iterable) -> dict[int, OpenWord]:
    """Each loan's open word, in two queries whatever the number of loans. A loan marked by
    ``selectors.loans_of`` as having none (most loans) is not asked about."""
    loans = list(loans)
    asked_promise = [loan.pk for loan in loans if getattr(loan, "has_open_promise", True)]
    asked_report = [loan.pk for loan in loans if getattr(loan, "has_open_report", True)]
    promises = (
        {
            promise.loan_id: promise
            for promise in Promise.objects.filter(
                loan_id__in=asked_promise, status=PromiseStatus.OPEN
            )
        }
        if asked_promise
        else {}
    )
    reports = (
        {
            report.loan_id: report
            for report in PaymentReport.objects.filter(
                loan_id__in=asked_report, status=PaymentReportStatus.OPEN
            )
        }
        if asked_report
        else {}
    )
    return {
        loan.pk: OpenWord(promise=promises.get(loan.pk), report=reports.get(loan.pk))
        for loan in loans
    }


def open_word(loan) -> OpenWord:
    return open_words([loan])[loan.pk]


class WordRefused(Exception):
    """Why the borrower's word (a promise, a payment they made) cannot be taken, in words they
    read. ``field`` names the input at fault ("amount", "pay_by"); empty when the loan's state
    refuses it."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


class AmountRefused(ValueError):
    """Why an amount the borrower typed cannot be used, in their language."""


def borrower_amount(value: Decimal | str) -> Decimal:
    """``value`` as money: a finite number of whole cents above zero."""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise AmountRefused(_("Enter the amount as a number, for example 50.00.")) from None
    if not amount.is_finite() or amount <= ZERO:
        raise AmountRefused(_("Enter an amount more than zero."))
    if amount != amount.quantize(Decimal("0.01")):
        raise AmountRefused(_("Enter the amount in whole cents, for example 50.00."))
    return amount


def paid_between(loan, *, first: date, last: date, today: date) -> Decimal:
    """The loan's payments dated ``first`` to ``last`` as the ledger stands on ``today``; a
    reversed payment counts for nothing."""
    lines = ledger.lines_until(ledger_lines(loan=loan), today)
    return sum((amount for day, amount in payments_since(lines, first) if day <= last), ZERO)


def settle_each(
    rows: Iterable, settle: Callable[..., str | None], outcomes: Iterable[str], today: date | None
) -> dict[str, int]:
    """``settle`` every open row (each with ``loan.borrower``) on its borrower's today, or on
    ``today``; how many ended each way."""
    now = timezone.now()
    counts = dict.fromkeys(map(str, outcomes), 0)
    for row in rows:
        result = settle(row, today=today or local_today(now, row.loan.borrower.time_zone))
        if result:
            counts[str(result)] += 1
    return counts
