"""Forms for plans. Each checks its own ranges and says what is wrong in the borrower's language;
nothing is saved unless the whole form is valid."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from repayment.models import Frequency
from repayment.plans import budget as budgets
from repayment.plans import decisions

MAX_AMOUNT = Decimal("1000000000")
WEEKDAYS = [
    (0, pgettext_lazy("weekday", "Monday")),
    (1, pgettext_lazy("weekday", "Tuesday")),
    (2, pgettext_lazy("weekday", "Wednesday")),
    (3, pgettext_lazy("weekday", "Thursday")),
    (4, pgettext_lazy("weekday", "Friday")),
    (5, pgettext_lazy("weekday", "Saturday")),
    (6, pgettext_lazy("weekday", "Sunday")),
]


def money_field(label, *, required=False, help_text=""):
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0"),
        max_value=MAX_AMOUNT,
        decimal_places=2,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0"}),
    )


class ConfirmForm(forms.Form):
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    agree = forms.BooleanField(
        label=_("I have read the payments above and I agree to this plan."),
        error_messages={"required": _("Tick the box to confirm you agree to the plan.")},
    )


class BudgetForm(forms.Form):
    period = forms.ChoiceField(
        label=_("I am entering amounts for each"),
        choices=[
            (Frequency.WEEKLY, pgettext_lazy("period", "week")),
            (Frequency.FORTNIGHTLY, pgettext_lazy("period", "two weeks")),
            (Frequency.MONTHLY, pgettext_lazy("period", "month")),
        ],
        initial=Frequency.MONTHLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for category in budgets.CATEGORIES:
            self.fields[category.code] = money_field(category.label, help_text=category.hint)

    def groups(self):
        """The fields under their Standard Financial Statement group headings."""
        return [
            (label, [self[c.code] for c in budgets.CATEGORIES if c.group == group])
            for group, label in budgets.GROUP_LABELS.items()
        ]

    def clean(self):
        cleaned = super().clean()
        income = sum(
            (cleaned.get(c.code) or Decimal(0) for c in budgets.CATEGORIES if c.group == "income"),
            Decimal(0),
        )
        if not self.errors and income <= 0:
            raise forms.ValidationError(
                _("Enter the money that comes in, even if it is small or not regular.")
            )
        return cleaned

    def answers(self) -> dict[str, Decimal]:
        return {c.code: self.cleaned_data.get(c.code) or Decimal(0) for c in budgets.CATEGORIES}


class ProposalForm(forms.Form):
    amount = forms.DecimalField(
        label=_("How much can you pay each time?"),
        min_value=Decimal("0.01"),
        max_value=MAX_AMOUNT,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0.01"}),
    )
    frequency = forms.ChoiceField(
        label=_("How often?"),
        choices=Frequency.choices,
        help_text=_("Choose what matches when you are paid."),
        widget=forms.RadioSelect,
    )
    start = forms.DateField(
        label=_("Date of your first payment"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, today: date, latest_start_days: int, balance: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        self.today, self.latest = today, today + timedelta(days=latest_start_days)
        self.balance = balance
        self.fields["start"].widget.attrs.update(
            {"min": today.isoformat(), "max": self.latest.isoformat()}
        )

    @classmethod
    def for_options(cls, data, options) -> ProposalForm:
        """The form with the limits of the loan's ``options.options_for``: the page and the
        API check a proposal the same way."""
        return cls(
            data,
            today=options.statement.today,
            latest_start_days=options.policy.latest_start_days,
            balance=options.situation.balance,
        )

    def requested(self) -> decisions.Request:
        """The valid form as the request the policy decides on."""
        return decisions.Request(
            amount=self.cleaned_data["amount"],
            frequency=self.cleaned_data["frequency"],
            start=self.cleaned_data["start"],
        )

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount > self.balance:
            raise forms.ValidationError(
                _("That is more than the whole balance of the loan. Enter a smaller amount.")
            )
        return amount

    def clean_start(self):
        start = self.cleaned_data["start"]
        if start < self.today:
            raise forms.ValidationError(_("The first payment can't be in the past."))
        if start > self.latest:
            raise forms.ValidationError(
                _("Choose a first payment date on or before %(date)s.")
                % {"date": self.latest.isoformat()}
            )
        return start


class MovePaymentForm(forms.Form):
    payment = forms.TypedChoiceField(label=_("Payment to move"), coerce=int)
    new_date = forms.DateField(label=_("New date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, payments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payment"].choices = payments


class PaydayForm(forms.Form):
    day = forms.TypedChoiceField(label=_("New payment day"), coerce=int)

    def __init__(self, *args, monthly: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [(n, str(n)) for n in range(1, 32)] if monthly else WEEKDAYS
        if monthly:
            self.fields["day"].help_text = _("In a shorter month, the payment is on its last day.")
