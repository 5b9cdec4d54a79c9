"""Forms for asking for a pause and for questioning an entry, checked as the plan forms are."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from repayment.form_fields import choose_from_list
from repayment.models import PauseReason


class PauseForm(forms.Form):
    reason = choose_from_list(
        forms.ChoiceField(
            label=_("What has happened?"), choices=PauseReason.choices, widget=forms.RadioSelect
        ),
        _("Choose what has happened."),
    )
    note = forms.CharField(
        label=_("Anything you want us to know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Write at most 2,000 characters.")},
    )

    def __init__(self, *args, max_days: int, reasons: list[tuple[str, str]], **kwargs):
        """``reasons``: the loan's own (``hardship.pauses.pause_reasons``): Breathing Space
        only where the UK rules apply."""
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = reasons
        breathing_space = any(value == PauseReason.BREATHING_SPACE for value, _label in reasons)
        self.fields["days"] = forms.IntegerField(
            label=_("How many days do you need?"),
            min_value=1,
            max_value=max_days,
            initial=min(30, max_days),
            help_text=_("Breathing Space is always 60 days.") if breathing_space else "",
            error_messages=dict.fromkeys(
                ("required", "invalid", "min_value", "max_value"),
                gettext("Enter a number of days from 1 to %(max)d.") % {"max": max_days},
            ),
        )
        self.order_fields(["reason", "days", "note"])


class DisputeForm(forms.Form):
    entry = choose_from_list(
        forms.TypedChoiceField(label=_("Which entry looks wrong?"), coerce=int),
        _("Choose the entry that looks wrong."),
    )
    message = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Tell us what looks wrong, in a few words."),
            "max_length": _("Write at most 2,000 characters."),
        },
    )

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = entries
