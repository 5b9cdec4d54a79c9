import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CHECK_DATE = _("Check the date of birth: it needs a day, a month and a four-digit year.")


class DateOfBirthWidget(forms.MultiWidget):
    """Three small number boxes instead of a date picker.

    A picker opens on today and makes people scroll back decades, and old phones show a bare
    text box that wants one exact format. Numbers typed into labelled boxes work everywhere,
    in the order the page's language writes dates."""

    template_name = "accounts/widgets/date_of_birth.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        number = {"inputmode": "numeric", "pattern": "[0-9]*"}
        super().__init__(
            [
                forms.TextInput({**number, "maxlength": "4", "autocomplete": "bday-year"}),
                forms.TextInput({**number, "maxlength": "2", "autocomplete": "bday-month"}),
                forms.TextInput({**number, "maxlength": "2", "autocomplete": "bday-day"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if value:
            return [value.year, value.month, value.day]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["year_first"] = (get_language() or "").startswith("zh")
        return context


class DateOfBirthField(forms.MultiValueField):
    widget = DateOfBirthWidget
    default_error_messages = {
        "incomplete": CHECK_DATE,
        "invalid": CHECK_DATE,
        "required": CHECK_DATE,
    }

    def __init__(self, **kwargs):
        messages = {"invalid": CHECK_DATE, "min_value": CHECK_DATE, "max_value": CHECK_DATE}
        super().__init__(
            fields=[
                forms.IntegerField(min_value=1900, max_value=2100, error_messages=messages),
                forms.IntegerField(min_value=1, max_value=12, error_messages=messages),
                forms.IntegerField(min_value=1, max_value=31, error_messages=messages),
            ],
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list:
            return None
        year, month, day = data_list
        try:
            return dt.date(year, month, day)
        except (TypeError, ValueError) as exc:  # 31 April, 29 February in 1985
            raise ValidationError(CHECK_DATE, code="invalid") from exc


class LinkByDetailsForm(forms.Form):
    loan_reference = forms.CharField(
        label=_("Loan reference"),
        max_length=40,
        error_messages={
            "required": _("Enter your loan reference, for example HCF-000123."),
            "max_length": _("Enter your loan reference, for example HCF-000123."),
        },
        help_text=_("It is printed on your loan agreement, for example HCF-000123."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    date_of_birth = DateOfBirthField(
        label=_("Your date of birth"),
        help_text=_("Use numbers, for example 4 for April."),
    )
