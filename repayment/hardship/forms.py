"""Forms for asking for a pause and for questioning an entry, checked as the plan forms are."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from repayment.models import PauseReason


class PauseForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What has happened?"), choices=PauseReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything you want us to know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, max_days: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"] = forms.IntegerField(
            label=_("How many days do you need?"),
            min_value=1,
            max_value=max_days,
            initial=min(30, max_days),
            help_text=_("Breathing Space is always 60 days."),
        )
        self.order_fields(["reason", "days", "note"])


class DisputeForm(forms.Form):
    entry = forms.TypedChoiceField(label=_("Which entry looks wrong?"), coerce=int)
    message = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = entries
