from django import forms
from django.utils.translation import gettext_lazy as _

from repayment.models import ContactRules, Lender, LoanProduct


class CheckForm(forms.Form):
    """One radio group per question of the module's check; the answers are numbered from 1."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            self.fields[f"q{number}"] = forms.TypedChoiceField(
                label=question["question"],
                choices=[
                    (str(i), choice["text"]) for i, choice in enumerate(question["choices"], 1)
                ],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer to this question.")},
            )

    def answers(self) -> dict[int, int]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class PresetChangeForm(forms.Form):
    lender = forms.ModelChoiceField(queryset=Lender.objects.order_by("name"), label=_("Lender"))
    product = forms.ModelChoiceField(
        queryset=LoanProduct.objects.select_related("lender").order_by("lender__name", "name"),
        required=False,
        label=_("Product (optional)"),
        help_text=_("Leave empty to change the lender's own rules."),
    )
    new_preset = forms.ChoiceField(
        choices=[("", _("Follow the lender's rules (products only)")), *ContactRules.choices],
        required=False,
        label=_("Change to"),
    )
    effective_date = forms.DateField(
        label=_("Effective date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first day reminders follow the new rules."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Why the rules change, for example a new law or the lender's new market."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Needed when you reject: the requester reads it."),
    )
