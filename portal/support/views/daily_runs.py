"""The daily run's progress (portal.daily_run), for supervisors: recent runs, and one run's
steps with the chunks that failed or were retried."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from portal.accounts.staff import staff_view
from portal.daily_run import progress
from portal.daily_run.models import Run


@staff_view("support.view_dashboard")
def runs_page(request):
    return render(request, "support/daily_runs.html", {"runs": progress.recent()})


@staff_view("support.view_dashboard")
def run_page(request, pk: int):
    run = get_object_or_404(Run, pk=pk)
    return render(
        request,
        "support/daily_run.html",
        {
            "run": run,
            "steps": progress.steps_of([run]).get(run.pk, []),
            "chunks": progress.unusual_chunks(run),
        },
    )
