from django import forms
from django.utils.translation import gettext_lazy as _


class HistoryFilterForm(forms.Form):
    since = forms.DateField(
        label=_("Show entries from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "The statement lists every interest charge, fee, payment and credit since this date."
        ),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def chosen(self, name: str):
        """The value the borrower asked for, or None when absent or not valid: a bad date in
        the address shows the default period rather than an error page."""
        return self.cleaned_data.get(name) if self.is_valid() else None
