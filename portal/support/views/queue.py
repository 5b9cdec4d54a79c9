"""The review queue's page, and taking an item from it."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.staff import can_use, staff_view
from portal.audit.actors import Actor

from .. import queue
from ..actions.queue import do_take_item
from ..models import QueueKind


@staff_view("support.use_console")
def queue_page(request):
    show = request.GET.get("show", queue.ALL)
    if show not in queue.SHOWS:
        show = queue.ALL
    now = timezone.now()
    items = queue.waiting(user=request.user, show=show)
    # Asked once, not per row: each check reads the login's authenticator and borrower link.
    answers = {kind: can_use(request.user, perm) for kind, perm in queue.ANSWERING.items()}
    takes_over = can_use(request.user, queue.TAKE_OVER)
    rows = [
        {
            "item": item,
            "url": reverse(f"support:{item.kind}", args=[item.pk]),
            "waited": queue.how_long(item.waited(now)),
            "overdue": item.overdue(now),
            "overdue_by": queue.how_long(now - item.due_at) if item.overdue(now) else "",
            "mine": item.holder_id == request.user.pk,
            "can_take": item.holder_id != request.user.pk
            and answers[item.kind]
            and (item.holder_id is None or takes_over),
        }
        for item in items
    ]
    return render(
        request,
        "support/queue.html",
        {
            "rows": rows,
            "show": show,
            "shows": _shows(show),
            "now": now,
            "cut_short": len(items) >= queue.PAGE,
            "page_size": queue.PAGE,
        },
    )


def _shows(current: str):
    labels = {queue.ALL: _("All"), queue.MINE: _("Mine"), queue.NOBODY: _("Nobody's")}
    return [
        {"value": value, "label": labels[value], "current": value == current}
        for value in queue.SHOWS
    ]


@require_POST
@staff_view("support.use_console")
def take_item(request, kind, pk):
    if kind not in QueueKind.values:
        raise Http404
    try:
        taken = do_take_item(kind, pk, acting=Actor.of(request))
    except queue.QueueError as error:
        messages.error(request, str(error))
    else:
        if taken.previous_holder:
            messages.success(
                request,
                _("You have taken this over from %(name)s.") % {"name": taken.previous_holder},
            )
        else:
            messages.success(request, _("It is yours now: nobody else will pick it up."))
    show = request.POST.get("show")
    url = reverse("support:queue")
    if show in queue.SHOWS and show != queue.ALL:
        url += "?" + urlencode({"show": show})
    return redirect(url)
