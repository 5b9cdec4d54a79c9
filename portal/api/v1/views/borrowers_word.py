"""Taking the borrower's word through the API (a promise to pay, a payment they made): the
request checked strictly, the domain's refusal answered in one shape, once per Idempotency-Key."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from rest_framework import exceptions, status
from rest_framework.response import Response

from repayment.borrowers_word import WordRefused
from repayment.ledger.reading import local_today

from ... import idempotency
from ...errors import Conflict


def take_once(view, request, loan, *, asked, make: Callable, answer) -> Response:
    """``make(values, today)`` with the checked ``asked`` values on the borrower's today; 201
    with ``answer``; a refusal naming an input is a 400 on that field, any other a 409."""

    def attempt():
        check = asked(data=view.body())
        check.refuse_wrong_shape()
        check.is_valid(raise_exception=True)
        try:
            made = make(check.validated_data, local_today(timezone.now(), loan.borrower.time_zone))
        except WordRefused as refused:
            if refused.field:
                raise exceptions.ValidationError({refused.field: [str(refused)]}) from None
            raise Conflict(str(refused), code="refused") from None
        return Response(
            answer(made, context={"currency": loan.currency}).data,
            status=status.HTTP_201_CREATED,
        )

    return idempotency.run(request, attempt)
