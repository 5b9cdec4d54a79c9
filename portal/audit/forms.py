from django import forms
from django.utils.translation import gettext_lazy as _

from .trail import TrailFilter
from .wording import action_choices

MAX_PAGE = 10_000


class TrailFilterForm(forms.Form):
    borrower = forms.CharField(
        label=_("Borrower"),
        required=False,
        max_length=200,
        help_text=_("Name or part of it, a loan reference, or the borrower number."),
    )
    staff = forms.CharField(
        label=_("Staff member"),
        required=False,
        max_length=254,
        help_text=_("E-mail address or part of it."),
    )
    # Asked for each form, so the choices are in the reader's language.
    action = forms.ChoiceField(label=_("Kind of action"), required=False, choices=action_choices)
    date_from = forms.DateField(
        label=_("Date from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Date until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def trail_filter(self) -> TrailFilter:
        data = self.cleaned_data if self.is_bound else {}
        return TrailFilter(
            borrower=data.get("borrower", ""),
            staff=data.get("staff", ""),
            action=data.get("action", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )

    def query_without_page(self) -> str:
        """The filter as a query string, for the pages' and the export's links."""
        if not self.is_bound:
            return ""
        query = self.data.copy()
        query.pop("page", None)
        return query.urlencode()


def page_number(value) -> int:
    """A page asked for in the address; anything odd is the first page."""
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class DisclosureForm(forms.Form):
    lender = forms.IntegerField(widget=forms.HiddenInput)
    show = forms.TypedChoiceField(
        choices=[("on", _("On")), ("off", _("Off"))],
        coerce=lambda value: value == "on",
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why you are changing this.")},
    )
