"""What the POST endpoints take. Proposals, pauses and disputes are checked by the same forms
as the borrower's pages (``repayment.plan_forms``), so limits and messages match; these
serializers describe the bodies for the schema."""

from decimal import Decimal

from rest_framework import serializers

from repayment.models import Frequency, PauseReason
from repayment.plan_forms import MAX_AMOUNT
from repayment.plans import budget as budgets


class AmountField(serializers.DecimalField):
    def __init__(self, **kwargs):
        super().__init__(max_digits=12, decimal_places=2, coerce_to_string=True, **kwargs)


def _budget_fields():
    fields = {
        # Frequency's values under another name: a plain string keeps one enum in the schema.
        "period": serializers.CharField(
            help_text="The period the amounts below are for: weekly, fortnightly or monthly.",
        )
    }
    for category in budgets.CATEGORIES:
        fields[category.code] = AmountField(
            required=False,
            min_value=Decimal("0"),
            max_value=MAX_AMOUNT,
            help_text=category.label,
        )
    return fields


BudgetSerializer = type(
    "BudgetSerializer",
    (serializers.Serializer,),
    {
        **_budget_fields(),
        "__doc__": (
            "Income and expenditure for one period, in the groups of the UK Standard Financial "
            "Statement. Leave out what does not apply; some income is required."
        ),
    },
)


class ProposalRequestSerializer(serializers.Serializer):
    budget = BudgetSerializer()
    amount = AmountField(
        min_value=Decimal("0.01"), max_value=MAX_AMOUNT, help_text="Paid each time."
    )
    frequency = serializers.ChoiceField(choices=Frequency.values)
    start = serializers.DateField(
        help_text="The first payment: today at the earliest, at most the policy's days ahead."
    )


class PauseRequestSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=PauseReason.choices)
    days = serializers.IntegerField(
        min_value=1, help_text="Up to the lender's longest pause. Breathing Space is always 60."
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class DisputeRequestSerializer(serializers.Serializer):
    entry = serializers.IntegerField(
        help_text="The ledger entry to question: a statement history line's entry_id."
    )
    message = serializers.CharField(max_length=2000, help_text="What looks wrong, in a few words.")
