"""A payment the borrower says they made: "I paid X on D". Payment reminders about the loan wait
while the money reaches the ledger (the lender's import or API); a daily step then marks the
report arrived, or not found, from the ledger. Not found gets one gentle message asking for the
details, never an accusation, and the usual reminders resume. See docs/payment-methods.md."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from repayment.borrowers_word import (
    AmountRefused,
    WordRefused,
    borrower_amount,
    paid_between,
    settle_each,
)
from repayment.events import tell_borrower, tell_lender
from repayment.models import Loan, PaymentMethodKind, PaymentReport, PaymentReportStatus
from repayment.models.lender_events import LenderTopic
from repayment.money import format_money
from repayment.plans.policy import policy_for
from repayment.statements.cache import statement_for

# How far back a borrower may say they paid: older payments are a question for the statement.
LONGEST_AGO = timedelta(days=30)
# A payment dated a few days before the day the borrower names still counts: people misremember,
# and banks date a transfer by the day it was sent or the day it arrived.
DATE_SLACK = timedelta(days=3)


class ReportError(WordRefused):
    """A payment report refused."""


def open_report(loan: Loan) -> PaymentReport | None:
    return loan.payment_reports.filter(status=PaymentReportStatus.OPEN).first()


def report_payment(
    *,
    loan: Loan,
    amount: Decimal | str,
    paid_on: date,
    today: date,
    how: str = "",
    details: str = "",
) -> PaymentReport:
    """Record that the borrower says they paid ``amount`` on ``paid_on``; refused, with
    nothing changed, when the values cannot be right for this loan."""
    try:
        amount = borrower_amount(amount)
    except AmountRefused as refused:
        raise ReportError(str(refused), "amount") from None
    if paid_on > today:
        raise ReportError(
            _("Choose today or a day before it. To say when you will pay, make a promise."),
            "paid_on",
        )
    if paid_on < today - LONGEST_AGO:
        raise ReportError(
            _(
                "That is more than 30 days ago. If a payment that old is missing from your "
                "statement, ask us about it from the statement."
            ),
            "paid_on",
        )
    if how and how not in PaymentMethodKind.values:
        raise ReportError(_("Choose one of the ways to pay listed."), "how")
    position = statement_for(loan=loan).position
    if position.owes_nothing:
        raise ReportError(_("This loan is paid off: there is nothing to pay."))
    owed = position.balance.total
    if amount > owed:
        raise ReportError(
            _("That is more than you owe on this loan, %(amount)s. Check the amount.")
            % {"amount": format_money(owed, loan.currency, get_language() or "en")},
            "amount",
        )
    policy = policy_for(loan.product)
    with transaction.atomic():
        Loan.objects.select_for_update().filter(pk=loan.pk).first()
        if open_report(loan) is not None:
            raise ReportError(
                _(
                    "You have already told us about a payment. We are waiting for it to reach "
                    "us, and will tell you when it does."
                )
            )
        report = PaymentReport.objects.create(
            loan=loan,
            amount=amount,
            paid_on=paid_on,
            how=how,
            details=details.strip()[:300],
            reported_on=today,
            hold_until=today + timedelta(days=policy.reported_payment_hold_days),
        )
        tell_lender(
            loan=loan,
            topic=LenderTopic.PAYMENT_REPORTED,
            key=f"payment.reported:{report.pk}",
            payload=_payload(report),
        )
        tell_borrower(
            loan=loan,
            event="payment_reported",
            about=f"report{report.pk}",
            facts={"amount": report.amount, "paid_on": report.paid_on, "until": report.hold_until},
        )
    return report


def outcome(*, reported: Decimal, found: Decimal, today: date, hold_until: date) -> str | None:
    """Arrived once the payments found reach the amount reported; not found once the days to
    wait are over without that. None: still waiting."""
    if found >= reported:
        return PaymentReportStatus.ARRIVED
    if today <= hold_until:
        return None
    return PaymentReportStatus.NOT_FOUND


def settle_all(*, today: date | None = None) -> dict[str, int]:
    reports = PaymentReport.objects.filter(status=PaymentReportStatus.OPEN).select_related(
        "loan__borrower"
    )
    return settle_each(
        reports.iterator(chunk_size=200),
        settle,
        (PaymentReportStatus.ARRIVED, PaymentReportStatus.NOT_FOUND),
        today,
    )


def settle(report: PaymentReport, *, today: date) -> str | None:
    """Mark ``report`` arrived or not found if the ledger says so; idempotent."""
    with transaction.atomic():
        report = (
            PaymentReport.objects.select_for_update()
            .select_related("loan__borrower", "loan__product__lender")
            .get(pk=report.pk)
        )
        if report.status != PaymentReportStatus.OPEN:
            return None
        # From a few days before the day the borrower named to the last day of waiting.
        found = paid_between(
            report.loan, first=report.paid_on - DATE_SLACK, last=report.hold_until, today=today
        )
        result = outcome(
            reported=report.amount, found=found, today=today, hold_until=report.hold_until
        )
        if result is None:
            return None
        report.status, report.found, report.settled_on = result, found, today
        report.save(update_fields=["status", "found", "settled_on"])
        arrived = result == PaymentReportStatus.ARRIVED
        tell_lender(
            loan=report.loan,
            topic=LenderTopic.PAYMENT_REPORT_ARRIVED
            if arrived
            else LenderTopic.PAYMENT_REPORT_NOT_FOUND,
            key=f"payment.report_{result}:{report.pk}",
            payload={**_payload(report), "found": str(found.quantize(Decimal("0.01")))},
        )
        if not arrived:
            # One gentle question; the payment-received message covers the arrived case.
            tell_borrower(
                loan=report.loan,
                event="payment_not_found",
                about=f"report{report.pk}",
                facts={"amount": report.amount, "paid_on": report.paid_on},
                page=("loan_paid",),
            )
    return result


def _payload(report: PaymentReport) -> dict:
    return {
        "report": report.pk,
        "amount": str(report.amount),
        "paid_on": report.paid_on.isoformat(),
        "how": report.how,
        "reminders_held_until": report.hold_until.isoformat(),
    }
