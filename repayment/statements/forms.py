from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from repayment.form_fields import PlainDateField
from repayment.ledger.reading import local_today


class HistoryFilterForm(forms.Form):
    since = PlainDateField(
        label=_("Show entries from"),
        required=False,
        help_text=_(
            "The statement lists every interest charge, fee, payment and credit since this date."
        ),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, loan, today: date | None = None, **kwargs):
        """The dates the borrower may choose are ``loan``'s life so far: from the day it
        started to the borrower's today (``today``, else today in their time zone)."""
        super().__init__(*args, **kwargs)
        self.started = loan.disbursed_on
        self.today = today or local_today(timezone.now(), loan.borrower.time_zone)
        self.fields["since"].example = self.started
        self.fields["since"].widget.attrs.update(
            {"min": self.started.isoformat(), "max": self.today.isoformat()}
        )

    def clean_since(self):
        since = self.cleaned_data["since"]
        if since is not None and since > self.today:
            raise forms.ValidationError(
                gettext(
                    "The statement can't start after today. Choose %(today)s or an earlier "
                    "date. Below are your entries for the usual period."
                )
                % {"today": date_format(self.today, "DATE_FORMAT")},
                code="after_today",
            )
        if since is not None and since < self.started:
            raise forms.ValidationError(
                gettext(
                    "Your loan started on %(start)s. Choose that day or a later one. Below "
                    "are your entries for the usual period."
                )
                % {"start": date_format(self.started, "DATE_FORMAT")},
                code="before_loan",
            )
        return since

    def chosen(self, name: str):
        """The value the borrower asked for, or None when absent or refused (not a date, or
        a date outside the loan's life so far): the page then shows the default period, with
        the reason by the date, rather than an error page."""
        return self.cleaned_data.get(name) if self.is_valid() else None
