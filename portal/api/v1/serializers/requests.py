"""What the POST endpoints take, exactly as the schema says (``StrictSerializer``: no other
field, no other JSON type). What the values mean is then checked by the same forms as the
borrower's pages (``repayment.plans.forms`` and ``repayment.hardship.forms``), so limits and
messages match."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from repayment.models import Frequency, PauseReason
from repayment.plans import budget as budgets

from .strict import StrictSerializer

# An amount as text: digits, at most two decimals, at most repayment.plans.forms.MAX_AMOUNT
# (1,000,000,000); no sign, no exponent. What the forms accept, written one way.
AMOUNT = r"^0*((0|[1-9]\d{0,8})(\.\d{1,2})?|1000000000(\.0{1,2})?)$"
# The same, more than zero.
POSITIVE_AMOUNT = r"^0*([1-9]\d{0,8}(\.\d{1,2})?|0?\.(0[1-9]|[1-9]\d?)|1000000000(\.0{1,2})?)$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
# PlanPolicy.pause_max_days is a PositiveSmallIntegerField: no lender's longest pause is longer.
PAUSE_DAYS_LIMIT = 32767
# Text that says something: at least one character that is not white space.
SAYS_SOMETHING = r"\S"


@extend_schema_field({"type": "string", "pattern": AMOUNT, "example": "550.00"})
class AmountField(serializers.CharField):
    """An amount as text ("550.00"), as every amount in the answers is."""

    pattern = AMOUNT

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(
            RegexValidator(
                self.pattern,
                message=_(
                    "Enter an amount such as 550 or 550.00: digits, with at most two after the "
                    "point."
                ),
            )
        )


@extend_schema_field({"type": "string", "pattern": POSITIVE_AMOUNT, "example": "700.00"})
class PositiveAmountField(AmountField):
    pattern = POSITIVE_AMOUNT


class IsoDateField(serializers.DateField):
    """YYYY-MM-DD, and nothing else ISO 8601 or Django's forms would also read."""

    def to_internal_value(self, value):
        if isinstance(value, str) and not re.fullmatch(DATE, value):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)


# Frequency's enum, named once in the schema (drf-spectacular would name the same set again).
@extend_schema_field({"$ref": "#/components/schemas/FrequencyEnum"})
class PeriodField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Frequency.values, **kwargs)


def _budget_fields():
    fields = {"period": PeriodField(help_text="The period the amounts below are for.")}
    for category in budgets.CATEGORIES:
        fields[category.code] = AmountField(required=False, help_text=category.label)
    return fields


BudgetSerializer = type(
    "BudgetSerializer",
    (StrictSerializer,),
    {
        **_budget_fields(),
        "__doc__": (
            "Income and expenditure for one period, in the groups of the UK Standard Financial "
            "Statement. Leave out what does not apply; some income is required."
        ),
    },
)


class ProposalRequestSerializer(StrictSerializer):
    budget = BudgetSerializer(
        error_messages={"type": _("Send the income and expenditure answers as an object.")}
    )
    amount = PositiveAmountField(
        help_text="Paid each time; at most the loan's balance.",
    )
    frequency = serializers.ChoiceField(choices=Frequency.values)
    start = IsoDateField(
        help_text="The first payment: today at the earliest, at most the policy's days ahead."
    )


class PauseRequestSerializer(StrictSerializer):
    reason = serializers.ChoiceField(
        choices=PauseReason.choices,
        help_text="breathing_space only on loans that follow the UK contact rules; on "
        "any other loan it is refused (409).",
    )
    days = serializers.IntegerField(
        min_value=1,
        max_value=PAUSE_DAYS_LIMIT,
        help_text="Up to the lender's longest pause. Breathing Space is always 60.",
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


# Django's own words for an empty message, as the dispute form says it.
REQUIRED = _("This field is required.")


class DisputeRequestSerializer(StrictSerializer):
    entry = serializers.IntegerField(
        min_value=1,
        error_messages={"type": _("Choose the entry that looks wrong.")},
        help_text="The ledger entry to question: a statement history line's entry_id.",
    )
    message = serializers.RegexField(
        SAYS_SOMETHING,
        max_length=2000,
        error_messages={"invalid": REQUIRED, "blank": REQUIRED},
        help_text="What looks wrong, in a few words.",
    )
