"""A borrower's promises to pay on a loan: made with ``repayment.hardship.promises``, as the
loan's help page makes them, once per Idempotency-Key."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from repayment.hardship.promises import make_promise

from ... import idempotency
from ..serializers.promises import PromiseRequestSerializer, PromiseSerializer
from .base import BorrowerView
from .borrowers_word import take_once
from .errors import ERRORS


class Promises(BorrowerView):
    @extend_schema(
        operation_id="loan_promises_list",
        summary="My promises to pay",
        description="The loan's promises to pay, newest first, and how each stands.",
        responses={200: PromiseSerializer(many=True), **ERRORS.read},
    )
    def get(self, request, reference):
        loan = self.loan(reference)
        promises = loan.promises.order_by("-created_at", "-pk")
        return Response(
            PromiseSerializer(promises, many=True, context={"currency": loan.currency}).data
        )

    @extend_schema(
        operation_id="loan_promise_create",
        summary="Promise to pay",
        description="The borrower says they will pay an amount by a day. Until that day "
        "plus the lender's grace days, no arrears reminders are sent about the loan. The "
        "ledger then shows whether it was kept. Refused (409) on a paid-off loan, during a "
        "pause or a plan, and while another promise is open.",
        request=PromiseRequestSerializer,
        parameters=[idempotency.PARAMETER],
        responses={201: PromiseSerializer, **ERRORS.write},
    )
    def post(self, request, reference):
        loan = self.loan(reference)
        return take_once(
            self,
            request,
            loan,
            asked=PromiseRequestSerializer,
            make=lambda values, today: make_promise(
                loan=loan, amount=values["amount"], pay_by=values["pay_by"], today=today
            ),
            answer=PromiseSerializer,
        )
