"""Forms for plans. Each checks its own ranges and says what is wrong in the borrower's language;
nothing is saved unless the whole form is valid."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from repayment.form_fields import MoneyField, PlainDateField, choose_from_list
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


def money_field(label, *, required=False, help_text="", currency=""):
    return MoneyField(
        label=label,
        required=required,
        currency=currency,
        min_value=Decimal("0"),
        max_value=MAX_AMOUNT,
        help_text=help_text,
    )


class ConfirmForm(forms.Form):
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    agree = forms.BooleanField(
        label=_("I have read the payments above and I agree to this plan."),
        error_messages={"required": _("Tick the box to confirm you agree to the plan.")},
    )


class BudgetForm(forms.Form):
    period = choose_from_list(
        forms.ChoiceField(
            label=_("I am entering amounts for each"),
            choices=[
                (Frequency.WEEKLY, pgettext_lazy("period", "week")),
                (Frequency.FORTNIGHTLY, pgettext_lazy("period", "two weeks")),
                (Frequency.MONTHLY, pgettext_lazy("period", "month")),
            ],
            initial=Frequency.MONTHLY,
            widget=forms.RadioSelect,
        ),
        _("Choose whether these amounts are for a week, two weeks or a month."),
    )

    def __init__(self, *args, currency: str = "", **kwargs):
        """``currency``: the loan's, in which the page writes the amounts it asks for."""
        super().__init__(*args, **kwargs)
        for category in budgets.CATEGORIES:
            self.fields[category.code] = money_field(
                category.label, help_text=category.hint, currency=currency
            )

    def groups(self):
        """The fields under their group headings (the groups of the UK Standard Financial
        Statement; only UK borrowers are told so)."""
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
    amount = MoneyField(
        label=_("How much can you pay each time?"),
        min_value=Decimal("0.01"),
        max_value=MAX_AMOUNT,
    )
    frequency = choose_from_list(
        forms.ChoiceField(
            label=_("How often?"),
            choices=Frequency.choices,
            help_text=_("Choose what matches when you are paid."),
            widget=forms.RadioSelect,
        ),
        _("Choose how often you will pay."),
    )
    start = PlainDateField(label=_("Date of your first payment"))

    def __init__(
        self,
        *args,
        today: date,
        latest_start_days: int,
        balance: Decimal,
        currency: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.today, self.latest = today, today + timedelta(days=latest_start_days)
        self.balance = balance
        self.fields["amount"].currency = currency
        self.fields["start"].example = min(today + timedelta(days=7), self.latest)
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
            currency=options.statement.currency,
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
                % {"date": date_format(self.latest, "DATE_FORMAT")}
            )
        return start


class MovePaymentForm(forms.Form):
    payment = choose_from_list(
        forms.TypedChoiceField(label=_("Payment to move"), coerce=int),
        _("Choose the payment to move."),
    )
    new_date = PlainDateField(label=_("New date"))

    def __init__(self, *args, payments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payment"].choices = payments


class PaydayForm(forms.Form):
    day = choose_from_list(
        forms.TypedChoiceField(label=_("New payment day"), coerce=int),
        _("Choose a new payment day from the list."),
    )

    def __init__(self, *args, monthly: bool, days=None, **kwargs):
        """``days``: the only days to offer (the ones the plan's payments can move to)."""
        super().__init__(*args, **kwargs)
        choices = [(n, str(n)) for n in range(1, 32)] if monthly else WEEKDAYS
        if days is not None:
            choices = [(n, label) for n, label in choices if n in days]
        self.fields["day"].choices = choices
        if monthly:
            self.fields["day"].help_text = _("In a shorter month, the payment is on its last day.")
