"""How to pay a loan, as its pay page shows it, and the payments a borrower tells us they made
(``repayment.paying.reports``, as the "I have paid" page takes them, once per Idempotency-Key)."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from repayment import position as pos
from repayment.models import Loan
from repayment.paying.methods import PayRequest, methods_for, pay_request, shown_methods
from repayment.paying.reference import payment_reference
from repayment.paying.reports import report_payment
from repayment.statements.cache import statement_for

from ... import idempotency
from ..serializers.paying import (
    HowToPaySerializer,
    PaymentReportRequestSerializer,
    PaymentReportSerializer,
)
from .base import BorrowerView
from .borrowers_word import take_once
from .errors import ERRORS


class HowToPay(BorrowerView):
    @extend_schema(
        operation_id="loan_payment",
        summary="How to pay a loan",
        description="What the pay page shows: the payment reference to quote, what to pay and "
        "by when, and each way the lender takes payments, in the borrower's language. When "
        "nothing is asked (paid off, in credit, paused) `amount` is empty, `message` says why "
        "and no methods are listed.",
        responses={200: HowToPaySerializer, **ERRORS.read},
    )
    def get(self, request, reference):
        loan = self.loan(reference)
        statement = statement_for(loan=loan)
        asked = pay_request(statement.position)
        quoted = payment_reference(loan.reference)
        value = {
            "payment_reference": quoted,
            "amount": asked.amount if asked else None,
            "date": asked.date if asked else None,
            "due_now": asked.due_now if asked else False,
            "message": None if asked else self.nothing_asked(statement.position),
            "currency": loan.currency,
            "methods": self.methods(loan, quoted, asked) if asked else [],
        }
        return Response(HowToPaySerializer(value, context={"currency": loan.currency}).data)

    def nothing_asked(self, position) -> str:
        if position.status == pos.PAUSED and position.paused_until:
            return _("Payments are paused until %(date)s. Nothing is asked of you until then.") % {
                "date": date_format(position.paused_until, "DATE_FORMAT")
            }
        return _("There is nothing to pay on this loan.")

    def methods(self, loan: Loan, quoted: str, asked: PayRequest) -> list[dict]:
        """As ``repayment.templatetags.paying.payment_methods`` shows them on the page."""
        methods = methods_for(product_id=loan.product_id, lender_id=loan.product.lender_id)
        return [
            {
                "kind": method.kind,
                "label": str(method.label),
                "account_name": method.account_name,
                "account_number": method.account_number,
                "bank": method.bank,
                "link": method.link,
                "instructions": method.instructions,
            }
            for method in shown_methods(
                methods, language=self.language, reference=quoted, amount=asked.amount
            )
        ]


class PaymentReports(BorrowerView):
    @extend_schema(
        operation_id="loan_payment_reports_list",
        summary="Payments I told you of",
        description="The payments the borrower said they made on the loan, newest first, and "
        "whether each reached the lender.",
        responses={200: PaymentReportSerializer(many=True), **ERRORS.read},
    )
    def get(self, request, reference):
        loan = self.loan(reference)
        reports = loan.payment_reports.order_by("-created_at", "-pk")
        return Response(
            PaymentReportSerializer(reports, many=True, context={"currency": loan.currency}).data
        )

    @extend_schema(
        operation_id="loan_payment_report_create",
        summary="Tell us of a payment",
        description="The borrower says they paid an amount on a day. Payment reminders about "
        "the loan wait until `reminders_held_until`, the lender's days for the money to "
        "arrive; the ledger then shows whether it came (`arrived` or `not_found`). Refused "
        "(409) on a paid-off loan and while another report is open.",
        request=PaymentReportRequestSerializer,
        parameters=[idempotency.PARAMETER],
        responses={201: PaymentReportSerializer, **ERRORS.write},
    )
    def post(self, request, reference):
        loan = self.loan(reference)
        return take_once(
            self,
            request,
            loan,
            asked=PaymentReportRequestSerializer,
            make=lambda values, today: report_payment(
                loan=loan,
                amount=values["amount"],
                paid_on=values["paid_on"],
                how=values.get("how", ""),
                details=values.get("details", ""),
                today=today,
            ),
            answer=PaymentReportSerializer,
        )
