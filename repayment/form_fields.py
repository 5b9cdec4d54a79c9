"""Form fields that say what is wrong in plain words, in the reader's language.

Django's own messages ("Ensure this value is greater than or equal to 0.01.", "Enter a valid
date.") are written for developers. Every borrower form takes its amounts and dates from here,
so each problem is told the same way everywhere: an amount as the site writes money in the
loan's currency ("Enter an amount of at least ¥0.01."), a date as the reader's language writes
one ("Enter a date like 1/31/2027."). Messages are written when the form is checked, which is
in the language of the page (or of the API request).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.numbers import get_currency_precision
from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from repayment.money import format_money

MAX_AMOUNT = Decimal("1000000000")
EXAMPLE_AMOUNT = Decimal("550.50")


def money_words(amount: Decimal, currency: str) -> str:
    """``amount`` as the page writes money; as a plain number where no currency is known."""
    if currency:
        return format_money(amount, currency, get_language() or "en")
    return formats.number_format(amount, decimal_pos=2, use_l10n=True)


def date_example(day: dt.date | None = None) -> str:
    """A date as the reader would type it in this language, in a way the date fields read
    back: the language's short date (01/31/2027 in English) where the fields read that, else
    the first way of writing a date they read (2027/01/31 in Chinese)."""
    day = day or dt.date(dt.date.today().year + 1, 1, 31)
    readable = [str(f) for f in formats.get_format("DATE_INPUT_FORMATS")]
    short = formats.date_format(day, "SHORT_DATE_FORMAT")
    for written in (short, *(day.strftime(f) for f in readable)):
        if any(_reads_as(written, f, day) for f in readable):
            return written
    return day.isoformat()


def _reads_as(text: str, input_format: str, day: dt.date) -> bool:
    try:
        return dt.datetime.strptime(text, input_format).date() == day
    except ValueError:
        return False


class MoneyField(forms.DecimalField):
    """An amount in ``currency`` (the loan's; it may be set after the form is made), between
    ``min_value`` and ``max_value``, with no more decimals than the currency has."""

    def __init__(
        self,
        *,
        currency: str = "",
        min_value: Decimal = Decimal("0"),
        max_value: Decimal = MAX_AMOUNT,
        **kwargs,
    ):
        kwargs.setdefault(
            "widget", forms.NumberInput(attrs={"inputmode": "decimal", "min": str(min_value)})
        )
        # The limits are checked in clean(), to say them in money; Django's validators would
        # say them as "Ensure this value is...".
        super().__init__(**kwargs)
        self.currency = currency
        self.lowest, self.highest = min_value, max_value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["step"] = "0.01"
        return attrs

    def _like(self) -> str:
        return _("Enter an amount like %(example)s.") % {
            "example": money_words(EXAMPLE_AMOUNT, self.currency)
        }

    def clean(self, value):
        try:
            amount = super().clean(value)
        except ValidationError as error:
            raise ValidationError(self._like(), code=error.code or "invalid") from None
        if amount is None:
            return None
        if amount < self.lowest:
            raise ValidationError(
                _("Enter an amount of at least %(amount)s.")
                % {"amount": money_words(self.lowest, self.currency)},
                code="min_value",
            )
        if amount > self.highest:
            raise ValidationError(
                _("Enter an amount of no more than %(amount)s.")
                % {"amount": money_words(self.highest, self.currency)},
                code="max_value",
            )
        places = get_currency_precision(self.currency) if self.currency else 2
        if amount != amount.quantize(Decimal(1).scaleb(-places)):
            raise ValidationError(self._like(), code="max_decimal_places")
        return amount


class PlainDateField(forms.DateField):
    """A date; a missing or unreadable one is asked for with an example in the reader's own
    way of writing dates. Limits (not in the past, not after today) stay with each form, which
    knows which day is "today" for the borrower."""

    def __init__(self, *, example: dt.date | None = None, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(**kwargs)
        self.example = example

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as error:
            if error.code not in ("required", "invalid"):
                raise
            raise ValidationError(
                _("Enter a date like %(example)s.") % {"example": date_example(self.example)},
                code=error.code,
            ) from None


def choose_from_list(field: forms.Field, message: str) -> forms.Field:
    """``field`` (a list of choices), saying ``message`` when nothing or something not on the
    list was chosen, instead of "Select a valid choice. 7 is not one of the available
    choices." Returns the field."""
    field.error_messages.update({"required": message, "invalid_choice": message})
    return field
