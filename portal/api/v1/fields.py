"""Money in JSON: a string with the currency's decimal places ("550.00", JPY "1200"), never a
float. The serializer's context names the currency (``{"currency": "CNY"}``): every response
of this API is about one loan, or serialises each loan with its own context."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from repayment.money import round_money

MONEY_SCHEMA = {
    "type": "string",
    "format": "decimal",
    "pattern": r"^-?\d+(\.\d+)?$",
    "example": "550.00",
}


@extend_schema_field(MONEY_SCHEMA)
class MoneyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return str(round_money(value, self.context["currency"]))


@extend_schema_field({"type": "string", "example": "Monthly"})
class LabelField(serializers.Field):
    """The translated label of a code (``source``) from ``choices``: the kind of a plan next
    to ``kind``, say. An app shows the label and branches on the code."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        try:
            return str(self.choices(value).label)
        except ValueError:
            return str(value)
