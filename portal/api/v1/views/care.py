"""Asking for a pause and questioning an entry: ``request_pause`` and ``open_dispute``, checked
by the pages' own forms. A second request while the first stands is refused by the domain
(409), so these take no Idempotency-Key."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from repayment.hardship.answer_time import dispute_message, requested_message
from repayment.hardship.disputes import disputable_entries, open_dispute
from repayment.hardship.forms import DisputeForm, PauseForm
from repayment.hardship.pauses import request_pause
from repayment.ledger.reading import local_today
from repayment.models import PauseReason, PauseStatus
from repayment.plans.policy import policy_for

from ...errors import form_errors
from ..serializers.care import DisputeSerializer, PauseSerializer
from ..serializers.requests import DisputeRequestSerializer, PauseRequestSerializer
from .base import BorrowerView, refuse_if_invalid
from .errors import ERRORS


class PauseCreate(BorrowerView):
    @extend_schema(
        operation_id="loan_pause_create",
        summary="Ask for a pause",
        description="Granted at once up to the lender's limit, otherwise a person answers "
        "within two working days; the message gives the day. While a pause lasts there are no "
        "payment reminders, and interest and fees are frozen as the lender's policy says.",
        request=PauseRequestSerializer,
        responses={201: PauseSerializer, **ERRORS.write},
    )
    def post(self, request, reference):
        loan = self.loan(reference)
        body = self.body()
        request_check = PauseRequestSerializer(data=body)
        request_check.refuse_wrong_shape()
        # Every reason the schema names passes the form; one this loan does not offer
        # (Breathing Space outside the UK rules) is refused by request_pause, as a 409.
        form = PauseForm(
            body, max_days=policy_for(loan.product).pause_max_days, reasons=PauseReason.choices
        )
        refuse_if_invalid(request_check, {} if form.is_valid() else form_errors(form))
        pause = request_pause(
            loan=loan,
            reason=form.cleaned_data["reason"],
            days=form.cleaned_data["days"],
            note=form.cleaned_data["note"],
            today=local_today(timezone.now(), loan.borrower.time_zone),
        )
        if pause.status == PauseStatus.GRANTED:
            message = _("Your pause is in place.")
        else:
            message = requested_message(pause)
        return Response(
            PauseSerializer({"pause": pause, "message": message}).data,
            status=status.HTTP_201_CREATED,
        )


class DisputeCreate(BorrowerView):
    @extend_schema(
        operation_id="loan_dispute_create",
        summary="Question an entry",
        description="Until a person has checked it, we do not ask the borrower to pay the "
        "amount questioned. The entry is a statement history line's entry_id; an entry that "
        "is not on this loan is 404.",
        request=DisputeRequestSerializer,
        responses={201: DisputeSerializer, **ERRORS.write},
    )
    def post(self, request, reference):
        loan = self.loan(reference)
        data = self.body()
        request_check = DisputeRequestSerializer(data=data)
        refuse_if_invalid(request_check)
        entry = get_object_or_404(
            disputable_entries(loan), pk=request_check.validated_data["entry"]
        )
        form = DisputeForm(
            {"entry": entry.pk, "message": data.get("message")}, entries=[(entry.pk, "")]
        )
        if not form.is_valid():
            raise exceptions.ValidationError(form_errors(form))
        dispute = open_dispute(loan=loan, entry=entry, message=form.cleaned_data["message"])
        message = dispute_message(dispute)
        return Response(
            DisputeSerializer({"dispute": dispute, "message": message}).data,
            status=status.HTTP_201_CREATED,
        )
