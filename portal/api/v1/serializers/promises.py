"""A promise to pay: what the borrower sends, and the promise as they see it afterwards."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from repayment.models import PromiseStatus

from ..fields import LabelField, MoneyField
from .requests import IsoDateField, PositiveAmountField
from .strict import StrictSerializer


class PromiseRequestSerializer(StrictSerializer):
    amount = PositiveAmountField(
        help_text="What the borrower will pay; at most the amount due now."
    )
    pay_by = IsoDateField(
        help_text="The day they will pay by: today at the earliest, at most the lender's "
        "limit ahead (14 days unless the lender sets another).",
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )


class PromiseSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    amount = MoneyField()
    pay_by = serializers.DateField()
    reminders_held_until = serializers.DateField(
        source="hold_until",
        help_text="No arrears reminders about the loan until the end of this day while the "
        "promise is open: the day promised plus the lender's grace days.",
    )
    made_on = serializers.DateField()
    status = serializers.ChoiceField(choices=PromiseStatus.choices)
    status_label = LabelField(PromiseStatus, source="status")
    paid = MoneyField(
        allow_null=True,
        help_text="Paid towards it between the day it was made and its last day; empty "
        "while it is open.",
    )
    settled_on = serializers.DateField(allow_null=True)
