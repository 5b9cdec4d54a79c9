"""The editors' report of searches that fail (Reports › Searches): the most frequent searches
that found nothing, and those whose results nobody opened, per language, from the anonymous
search log (``education.search_log``)."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import search_log

PERMISSION = "education.view_searchlog"
PERIODS = (("7", _("Last 7 days")), ("30", _("Last 30 days")), ("", _("Everything kept")))


class ReportFilter(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("All"))])
    period = forms.ChoiceField(label=_("Period"), required=False, choices=PERIODS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All")), *settings.LANGUAGES]


def can_see(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def report(request):
    if not can_see(request.user):
        raise PermissionDenied
    form = ReportFilter(request.GET or None)
    language, since = "", None
    if form.is_valid():
        language = form.cleaned_data["language"]
        if form.cleaned_data["period"]:
            days = int(form.cleaned_data["period"])
            since = timezone.localdate() - datetime.timedelta(days=days)
    names = dict(settings.LANGUAGES)
    tables = [
        (
            _("Searches that found nothing"),
            _("Add a synonym or a promoted lesson, or write the lesson readers are looking for."),
            search_log.failing(kind="no_result", language=language, since=since),
        ),
        (
            _("Searches whose results nobody opened"),
            _("The results may not answer the question: check what these searches find."),
            search_log.failing(kind="no_click", language=language, since=since),
        ),
    ]
    return TemplateResponse(
        request,
        "education/admin/search_report.html",
        {
            "form": form,
            "tables": [
                (title, advice, [(row, names.get(row.language, row.language)) for row in rows])
                for title, advice, rows in tables
            ],
            "keep_days": search_log.keep_days(),
        },
    )
