"""How to pay a loan, and the payments a borrower tells us they made: what the pay and "I have
paid" pages show, as an app reads them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from repayment.models import PaymentMethodKind, PaymentReportStatus
from repayment.paying.reports import LONGEST_AGO

from ..fields import LabelField, MoneyField
from .requests import IsoDateField, PositiveAmountField
from .strict import StrictSerializer

# What PaymentReport.details keeps.
DETAILS_LENGTH = 300
# Named once in the schema (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["PaymentMethodKindEnum"]):
# other endpoints have a "kind" with other choices, and "how" takes the same ones.
KINDS = PaymentMethodKind.choices


class PaymentMethodSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PaymentMethodKind.choices)
    label = serializers.CharField(help_text="The kind, in the borrower's language.")
    account_name = serializers.CharField(help_text="Bank transfer: whom to pay. Else empty.")
    account_number = serializers.CharField(help_text="Bank transfer: the account. Else empty.")
    bank = serializers.CharField(help_text="Bank transfer: the bank, in the borrower's language.")
    link = serializers.CharField(
        help_text="Pay online: the lender's payment page, with the payment reference and the "
        "amount filled in. Else empty."
    )
    instructions = serializers.CharField(
        help_text="The lender's own words on paying this way, in the borrower's language; may "
        "be empty."
    )


class HowToPaySerializer(serializers.Serializer):
    payment_reference = serializers.CharField(
        help_text="What the borrower quotes with the payment so the lender can match it to the "
        "loan: the loan reference and two check characters."
    )
    amount = MoneyField(
        allow_null=True,
        help_text="What to pay: the amount due now, or else the next payment. Empty when "
        "nothing is asked (paid off, in credit, paused).",
    )
    date = serializers.DateField(
        allow_null=True,
        help_text="Today when the amount is due now, else the day of the next payment; empty "
        "when nothing is asked.",
    )
    due_now = serializers.BooleanField(help_text="True when the amount is due now.")
    message = serializers.CharField(
        allow_null=True,
        help_text="Why nothing is asked, in words to show; empty when an amount is asked.",
    )
    currency = serializers.CharField()
    methods = PaymentMethodSerializer(
        many=True,
        help_text="The ways to pay, in the lender's order; none when nothing is asked. An empty "
        "list while an amount is asked: the borrower should call the lender.",
    )


class PaymentReportRequestSerializer(StrictSerializer):
    amount = PositiveAmountField(
        help_text="What the borrower paid; at most what they owe on the loan."
    )
    paid_on = IsoDateField(
        help_text=f"The day they paid: today or up to {LONGEST_AGO.days} days before.",
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )
    how = serializers.ChoiceField(
        choices=PaymentMethodKind.choices,
        required=False,
        allow_blank=True,
        error_messages={"invalid_choice": _("Choose one of the ways to pay listed.")},
        help_text="How they paid, if they know: any kind, not only the loan's methods.",
    )
    details = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=DETAILS_LENGTH,
        help_text="Anything that helps find the payment: the bank it came from, a receipt number.",
    )


class PaymentReportSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    amount = MoneyField()
    paid_on = serializers.DateField()
    how = serializers.ChoiceField(
        choices=PaymentMethodKind.choices,
        allow_blank=True,
        help_text="Empty when the borrower did not say.",
    )
    how_label = LabelField(PaymentMethodKind, source="how")
    details = serializers.CharField()
    reported_on = serializers.DateField()
    reminders_held_until = serializers.DateField(
        source="hold_until",
        help_text="No payment reminders about the loan until the end of this day while the "
        "report is open: the lender's days for a payment to reach them.",
    )
    status = serializers.ChoiceField(choices=PaymentReportStatus.choices)
    status_label = LabelField(PaymentReportStatus, source="status")
    found = MoneyField(
        allow_null=True,
        help_text="Payments that reached the loan from a few days before paid_on to "
        "reminders_held_until; empty while the report is open.",
    )
    settled_on = serializers.DateField(allow_null=True)
