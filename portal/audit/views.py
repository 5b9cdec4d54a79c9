import dataclasses
import zoneinfo

from django.contrib import messages
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from portal.accounts.staff import staff_view
from repayment.borrowers import borrower_required
from repayment.models import Lender

from .actors import Actor
from .disclosure import set_disclosure, shows_staff_views
from .export import csv_lines
from .forms import DisclosureForm, TrailFilterForm, page_number
from .models import Record, RecordKind
from .pages import page_of
from .recording import record_action
from .trail import trail_page, trail_rows
from .wording import borrower_view_summary

TRAIL_PAGE_SIZE = 50
STAFF_VIEWS_PAGE_SIZE = 25


@require_GET
@staff_view("audit.view_trail")
def trail(request):
    form = TrailFilterForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    page = (
        trail_page(
            form.trail_filter(), number=page_number(request.GET.get("page")), size=TRAIL_PAGE_SIZE
        )
        if valid
        else None
    )
    return render(
        request,
        "audit/trail.html",
        {"form": form, "page": page, "query": form.query_without_page()},
        status=200 if valid else 400,
    )


@require_GET
@staff_view("audit.view_trail")
def export(request):
    form = TrailFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "audit/trail.html", {"form": form, "page": None}, status=400)
    trail_filter = form.trail_filter()
    record_action(
        acting=Actor.of(request),
        action="audit.exported",
        details={
            "borrower": trail_filter.borrower,
            "staff": trail_filter.staff,
            "action": trail_filter.action,
            "date_from": str(trail_filter.date_from or ""),
            "date_to": str(trail_filter.date_to or ""),
        },
    )
    language = translation.get_language()

    def lines():
        # The body is written after the view returns: keep the request's language for it.
        with translation.override(language):
            yield from csv_lines(trail_rows(trail_filter))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
    return response


@require_http_methods(["GET", "POST"])
@staff_view("audit.set_disclosure")
def disclosure(request):
    lenders = list(Lender.objects.select_related("disclosure").order_by("name", "pk"))
    failed = None
    if request.method == "POST":
        form = DisclosureForm(request.POST, auto_id=_form_id(request.POST.get("lender")))
        if form.is_valid():
            lender = get_object_or_404(Lender, pk=form.cleaned_data["lender"])
            show = form.cleaned_data["show"]
            set_disclosure(
                acting=Actor.of(request),
                lender=lender,
                show=show,
                reason=form.cleaned_data["reason"],
            )
            if show:
                messages.success(
                    request,
                    _("%(lender)s's borrowers now see when staff viewed their account.")
                    % {"lender": lender.name},
                )
            else:
                messages.success(
                    request,
                    _("%(lender)s's borrowers no longer see when staff viewed their account.")
                    % {"lender": lender.name},
                )
            return redirect("audit_disclosure")
        failed = form
    rows = []
    for lender in lenders:
        current = getattr(lender, "disclosure", None)
        shown = current.show_staff_views if current else True
        if failed is not None and str(lender.pk) == failed.data.get("lender"):
            form = failed
        else:
            form = DisclosureForm(
                initial={"lender": lender.pk, "show": "off" if shown else "on"},
                auto_id=_form_id(lender.pk),
            )
        rows.append((lender, shown, form))
    return render(
        request,
        "audit/disclosure.html",
        {"rows": rows, "failed": failed},
        status=400 if failed is not None else 200,
    )


@require_GET
@borrower_required
def staff_views(request):
    borrower = request.borrower
    shown = shows_staff_views(borrower=borrower)
    page = None
    if shown:
        views = (
            Record.objects.filter(borrower=borrower, kind=RecordKind.VIEW)
            .only("at", "action")
            .order_by("-at", "-id")
        )
        page = page_of(
            views, number=page_number(request.GET.get("page")), size=STAFF_VIEWS_PAGE_SIZE
        )
        page = dataclasses.replace(
            page, items=[(r.at, borrower_view_summary(r.action)) for r in page.items]
        )
    return render(
        request,
        "audit/staff_views.html",
        {"borrower": borrower, "shown": shown, "page": page, "zone": _zone(borrower.time_zone)},
    )


def _form_id(lender_pk) -> str:
    """One form per lender on the page: their fields need ids of their own."""
    return f"id_%s_{lender_pk}" if str(lender_pk).isdigit() else "id_%s"


def _zone(name: str):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")
