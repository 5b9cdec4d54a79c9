"""The review queue's page, and what is done from it: taking an item, giving it to a colleague,
asking a supervisor's sign-off, and the supervisor's answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts.staff import can_use, staff_view
from portal.audit.actors import Actor

from .. import queue, sign_offs
from ..actions.queue import (
    do_answer_sign_off,
    do_assign_item,
    do_request_sign_off,
    do_take_item,
)
from ..models import QueueKind, SignOff, SignOffStatus


def item_url(kind: str, pk: int) -> str:
    if kind == QueueKind.MESSAGE:
        try:
            return reverse("console_conversations:thread", args=[pk])
        except NoReverseMatch:
            return ""
    return reverse(f"support:{kind}", args=[pk])


def _choice(request, name: str, values: tuple[str, ...]) -> str:
    value = request.GET.get(name, values[0])
    return value if value in values else values[0]


@staff_view("support.use_console")
def queue_page(request):
    show = _choice(request, "show", queue.SHOWS)
    due = _choice(request, "due", queue.DUES)
    order = _choice(request, "order", queue.ORDERS)
    now = timezone.now()
    items = queue.waiting(user=request.user, show=show, due=due, order=order, now=now)
    end_of_today = queue.end_of_today(now)
    # Asked once, not per row: each check reads the login's authenticator and borrower link.
    answers = {kind: can_use(request.user, perm) for kind, perm in queue.ANSWERING.items()}
    takes_over = can_use(request.user, queue.TAKE_OVER)
    shown_kinds = {item.kind for item in items}
    colleagues = {
        kind: list(queue.colleagues(kind)) for kind in shown_kinds if answers[QueueKind(kind)]
    }
    supervisors = list(sign_offs.supervisors().exclude(pk=request.user.pk)) if items else []
    latest = _latest_sign_offs(items)
    rows = [
        {
            "item": item,
            "url": item_url(item.kind, item.pk),
            "waited": queue.how_long(item.waited(now)),
            "overdue": item.overdue(now),
            "overdue_by": queue.how_long(now - item.due_at) if item.overdue(now) else "",
            "due_today": not item.overdue(now) and item.due_by(end_of_today),
            "mine": item.holder_id == request.user.pk,
            "can_take": item.holder_id != request.user.pk
            and answers[QueueKind(item.kind)]
            and (item.holder_id is None or takes_over),
            "can_assign": answers[QueueKind(item.kind)]
            and (item.holder_id in (None, request.user.pk) or takes_over),
            "colleagues": colleagues.get(item.kind, []),
            "can_ask": answers[QueueKind(item.kind)] and bool(supervisors),
            "sign_off": latest.get((item.kind, item.pk)),
        }
        for item in items
    ]
    return render(
        request,
        "support/queue.html",
        {
            "rows": rows,
            "show": show,
            "due": due,
            "order": order,
            "shows": _options(
                "show",
                {queue.ALL: _("All"), queue.MINE: _("Mine"), queue.NOBODY: _("Nobody's")},
                show,
                {"due": due, "order": order},
            ),
            "dues": _options(
                "due",
                {
                    queue.ANY_TIME: _("Any time"),
                    queue.OVERDUE: _("Overdue"),
                    queue.TODAY: _("Due by the end of today"),
                },
                due,
                {"show": show, "order": order},
            ),
            "orders": _options(
                "order",
                {
                    queue.BY_DUE: _("Soonest due first"),
                    queue.BY_WAITING: _("Longest waiting first"),
                },
                order,
                {"show": show, "due": due},
            ),
            "supervisors": supervisors,
            "for_me": _waiting_for(request.user),
            "now": now,
            "cut_short": len(items) >= queue.PAGE,
            "page_size": queue.PAGE,
        },
    )


def _options(name: str, labels: dict, current: str, others: dict) -> list[dict]:
    return [
        {
            "query": urlencode({**others, name: value}),
            "label": label,
            "current": value == current,
        }
        for value, label in labels.items()
    ]


def _latest_sign_offs(items) -> dict:
    """Each listed item's latest sign-off request: one query for the page."""
    if not items:
        return {}
    wanted = Q(pk__in=[])
    for kind in {item.kind for item in items}:
        wanted |= Q(kind=kind, object_id__in=[i.pk for i in items if i.kind == kind])
    latest = {}
    for sign_off in (
        SignOff.objects.filter(wanted).select_related("supervisor").order_by("requested_at", "pk")
    ):
        latest[(sign_off.kind, sign_off.object_id)] = sign_off
    return latest


def _waiting_for(user) -> list[dict]:
    """The sign-offs waiting for this login, each with its item's page."""
    return [
        {
            "sign_off": sign_off,
            "kind_label": QueueKind(sign_off.kind).label,
            "asked_by": queue.name_of(sign_off.requested_by),
            "url": item_url(sign_off.kind, sign_off.object_id),
        }
        for sign_off in sign_offs.waiting_for(user)
    ]


def _back(request):
    url = reverse("support:queue")
    query = {
        name: request.POST.get(name)
        for name, values in (("show", queue.SHOWS), ("due", queue.DUES), ("order", queue.ORDERS))
        if request.POST.get(name) in values and request.POST.get(name) != values[0]
    }
    return redirect(url + ("?" + urlencode(query) if query else ""))


def _kind_or_404(kind: str) -> str:
    if kind not in QueueKind.values:
        raise Http404
    return kind


def _user_or_none(value):
    if not str(value or "").isdigit():
        return None
    return get_user_model().objects.filter(pk=int(value)).first()


@require_POST
@staff_view("support.use_console")
def take_item(request, kind, pk):
    _kind_or_404(kind)
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
    return _back(request)


@require_POST
@staff_view("support.use_console")
def assign_item(request, kind, pk):
    _kind_or_404(kind)
    to = _user_or_none(request.POST.get("to"))
    try:
        do_assign_item(kind, pk, to=to, acting=Actor.of(request))
    except queue.QueueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Given to %(name)s.") % {"name": queue.name_of(to)})
    return _back(request)


@require_POST
@staff_view("support.use_console")
def ask_sign_off(request, kind, pk):
    _kind_or_404(kind)
    supervisor = _user_or_none(request.POST.get("supervisor"))
    try:
        do_request_sign_off(
            kind,
            pk,
            supervisor=supervisor,
            note=request.POST.get("note", ""),
            acting=Actor.of(request),
        )
    except sign_offs.SignOffError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Sent to %(name)s for sign-off. It shows on their queue.")
            % {"name": queue.name_of(supervisor)},
        )
    return _back(request)


@require_POST
@staff_view("support.approve_beyond_policy")
def answer_sign_off(request, pk):
    decision = request.POST.get("decision")
    if decision not in ("sign_off", "send_back"):
        messages.error(request, _("Choose whether to sign off or send back."))
        return _back(request)
    try:
        sign_off = do_answer_sign_off(
            pk,
            approve=decision == "sign_off",
            note=request.POST.get("note", ""),
            acting=Actor.of(request),
        )
    except sign_offs.SignOffError as error:
        messages.error(request, str(error))
    else:
        name = queue.name_of(sign_off.requested_by)
        if sign_off.status == SignOffStatus.SIGNED_OFF:
            messages.success(request, _("Signed off. %(name)s can go ahead.") % {"name": name})
        else:
            messages.success(request, _("Sent back to %(name)s with your note.") % {"name": name})
    return _back(request)
