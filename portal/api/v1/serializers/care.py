"""Pauses and disputes, as the borrower sees them once asked for."""

from rest_framework import serializers

from repayment.models import DisputeStatus, PauseReason, PauseStatus

from ..fields import LabelField


class PauseSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pause.pk")
    reason = serializers.ChoiceField(choices=PauseReason.choices, source="pause.reason")
    reason_label = LabelField(PauseReason, source="pause.reason")
    status = serializers.ChoiceField(choices=PauseStatus.choices, source="pause.status")
    status_label = LabelField(PauseStatus, source="pause.status")
    starts_on = serializers.DateField(source="pause.starts_on")
    ends_on = serializers.DateField(source="pause.ends_on")
    freezes_interest = serializers.BooleanField(source="pause.freezes_interest")
    freezes_fees = serializers.BooleanField(source="pause.freezes_fees")
    message = serializers.CharField(help_text="What happens now, in plain words.")


class DisputeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="dispute.pk")
    entry = serializers.IntegerField(source="dispute.entry_id")
    status = serializers.ChoiceField(choices=DisputeStatus.choices, source="dispute.status")
    status_label = LabelField(DisputeStatus, source="dispute.status")
    created_at = serializers.DateTimeField(source="dispute.created_at")
    message = serializers.CharField(help_text="What happens now, in plain words.")
