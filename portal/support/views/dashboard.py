"""The supervisors' dashboard page: the figures of ``portal.support.dashboard``, with charts."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format

from portal.accounts.staff import staff_view

from .. import dashboard as dashboards
from .. import queue
from ..charts import bar_chart


@staff_view("support.view_dashboard")
def dashboard_page(request):
    figures = dashboards.figures()
    suppressed = [(row.label, row.suppressed) for row in figures.reminders if row.suppressed]
    return render(
        request,
        "support/dashboard.html",
        {
            "figures": figures,
            "due": queue.due_counts(),
            "zone": timezone.get_current_timezone_name(),
            "age_chart": bar_chart(figures.waiting.by_age),
            "started_chart": bar_chart(
                [(_month_label(start), count) for start, count in figures.started_by_month]
            ),
            "suppressed_chart": bar_chart(suppressed) if suppressed else None,
        },
    )


def _month_label(start) -> str:
    return date_format(start, "YEAR_MONTH_FORMAT")
