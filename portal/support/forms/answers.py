"""Answering a proposal, a pause or a dispute. Every answer carries a reason, which goes into
the audit trail, and most carry a note to the borrower, which goes to the borrower with the
answer. Each form has its own prefix, so several on one page keep distinct field ids."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.notifications.message_texts.compose import check_tone
from repayment.models import Frequency

MAX_AMOUNT = Decimal("1000000000")


def _reason():
    return forms.CharField(
        label=_("Reason (for the record)"),
        max_length=1000,
        help_text=_(
            "Why you are doing this. Kept in the audit trail; the borrower does not see it."
        ),
        error_messages={"required": _("Give a reason: it is kept with the record of this action.")},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteToBorrowerField(forms.CharField):
    """A note the borrower reads: it passes the tone check every borrower-facing word passes,
    in both languages (a note may mix them). Unlike a lesson, it is sent at once, so there is no
    override: the agent rewords it."""

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        problems = [*check_tone(value, "en"), *check_tone(value, "zh-hans")]
        if problems:
            raise forms.ValidationError(problems, code="tone")


def _note(*, required: bool):
    return NoteToBorrowerField(
        label=_("Note to the borrower"),
        required=required,
        max_length=2000,
        help_text=_("Sent to the borrower with the answer. Plain words, no jargon."),
        error_messages={"required": _("Write a note to the borrower explaining the answer.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    """A reason and an optional note: approving a proposal, granting or ending a pause."""

    reason = _reason()
    note = _note(required=False)


class ExplainedAnswerForm(forms.Form):
    """A reason and a note the borrower must get: declines, rejections, corrections."""

    reason = _reason()
    note = _note(required=True)


class CounterForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount each time"),
        min_value=Decimal("0.01"),
        max_value=MAX_AMOUNT,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0.01"}),
    )
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
    start = forms.DateField(
        label=_("First payment date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = _reason()
    note = _note(required=True)

    def terms_input(self) -> dict:
        data = self.cleaned_data
        return {"amount": data["amount"], "frequency": data["frequency"], "start": data["start"]}
