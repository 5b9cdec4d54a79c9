"""What borrowers told us about paying, for the lender, oldest first, read from a cursor
(``cursor_feed``: each once, about ``SETTLE`` after it was made): their promises to pay, and
the payments they say they made. The status is the one read; later changes reach the lender by
webhook (``promise.kept``, ``promise.broken``, ``payment.report_arrived``,
``payment.report_not_found``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from repayment.models import Lender, Loan, PaymentReport, Promise
from repayment.money import round_money

from .cursor_feed import DEFAULT_LIMIT, CursorFeed, Page

PROMISES = CursorFeed(tag="promise1", made_at="created_at")
PAYMENT_REPORTS = CursorFeed(tag="report1", made_at="created_at")


def _loan_names(loan: Loan) -> dict[str, str]:
    """The loan as the lender sent it, and its currency."""
    return {
        "loan_external_id": loan.external_id,
        "loan_reference": loan.reference,
        "currency": loan.product.currency,
    }


def _money(amount: Decimal | None, currency: str) -> Decimal | None:
    return None if amount is None else round_money(amount, currency)


@dataclass(frozen=True, slots=True)
class FeedPromise:
    id: int
    loan_external_id: str
    loan_reference: str
    currency: str
    amount: Decimal
    pay_by: date
    reminders_held_until: date
    made_on: date
    status: str
    paid: Decimal | None
    settled_on: date | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FeedPaymentReport:
    id: int
    loan_external_id: str
    loan_reference: str
    currency: str
    amount: Decimal
    paid_on: date
    how: str
    details: str
    reported_on: date
    reminders_held_until: date
    status: str
    found: Decimal | None
    settled_on: date | None
    created_at: datetime


def _feed_promise(promise: Promise) -> FeedPromise:
    currency = promise.loan.product.currency
    return FeedPromise(
        id=promise.pk,
        **_loan_names(promise.loan),
        amount=round_money(promise.amount, currency),
        pay_by=promise.pay_by,
        reminders_held_until=promise.hold_until,
        made_on=promise.made_on,
        status=promise.status,
        paid=_money(promise.paid, currency),
        settled_on=promise.settled_on,
        created_at=promise.created_at,
    )


def _feed_payment_report(report: PaymentReport) -> FeedPaymentReport:
    currency = report.loan.product.currency
    return FeedPaymentReport(
        id=report.pk,
        **_loan_names(report.loan),
        amount=round_money(report.amount, currency),
        paid_on=report.paid_on,
        how=report.how,
        details=report.details,
        reported_on=report.reported_on,
        reminders_held_until=report.hold_until,
        status=report.status,
        found=_money(report.found, currency),
        settled_on=report.settled_on,
        created_at=report.created_at,
    )


def promises_since(
    *, lender: Lender, after_id: int, limit: int = DEFAULT_LIMIT, now: datetime
) -> Page[FeedPromise]:
    """Up to ``limit`` promises to pay on ``lender``'s loans after promise ``after_id``: two
    queries."""
    rows = Promise.objects.filter(loan__product__lender=lender).select_related("loan__product")
    return PROMISES.page(rows, after_id=after_id, limit=limit, now=now, describe=_feed_promise)


def payment_reports_since(
    *, lender: Lender, after_id: int, limit: int = DEFAULT_LIMIT, now: datetime
) -> Page[FeedPaymentReport]:
    """Up to ``limit`` payments borrowers told us of on ``lender``'s loans after report
    ``after_id``: two queries."""
    rows = PaymentReport.objects.filter(loan__product__lender=lender).select_related(
        "loan__product"
    )
    return PAYMENT_REPORTS.page(
        rows, after_id=after_id, limit=limit, now=now, describe=_feed_payment_report
    )
