from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUESTION = 300
MAX_REFERENCE = 40


class AskForm(forms.Form):
    q = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION,
        help_text=_(
            "In your own words, in English or Chinese. For example: when is my next payment?"
        ),
        error_messages={
            "required": _("Type a question first."),
            "max_length": _("Please keep your question under %(limit_value)d characters."),
        },
    )
    loan = forms.CharField(required=False, max_length=MAX_REFERENCE, widget=forms.HiddenInput)
