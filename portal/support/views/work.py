"""The console's work pages: the review queue, the pages that answer a proposal, a pause or a
dispute, and the supervisors' dashboard. Each view checks its permission, validates a form,
then makes the change, its audit record and the queue's release in one transaction; the
domain functions write the borrower's message in that same transaction."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.audit.models import Record, RecordKind
from portal.audit.recording import record_action, record_refusal, record_view
from repayment.hardship import disputes, pauses
from repayment.models import (
    Dispute,
    DisputeStatus,
    Pause,
    PauseStatus,
    Proposal,
    ProposalStatus,
    Segment,
)
from repayment.plans import budget as budgets
from repayment.plans import reviewing
from repayment.plans.policy import policy_for
from repayment.plans.terms import PlanTerms
from repayment.plans.wording import reasons_for
from repayment.statements.build import local_today

from .. import dashboard as dashboards
from .. import queue
from ..access import can_use, console_view
from ..charts import bar_chart
from ..models import QueueKind
from ..work_forms import AnswerForm, CounterForm, ExplainedAnswerForm

SIGN_OFF = "support.approve_beyond_policy"
# An answer beyond the policy is a supervisor's sign-off, recorded under a code of its own.
SIGNED_OFF = {
    "proposal.approved": "proposal.approved_beyond_policy",
    "proposal.countered": "proposal.countered_beyond_policy",
}


# The queue ---------------------------------------------------------------------------------


@console_view("support.use_console")
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
@console_view("support.use_console")
def take_item(request, kind, pk):
    if kind not in QueueKind.values:
        raise Http404
    try:
        with transaction.atomic():
            taken = queue.take(kind=kind, pk=pk, user=request.user)
            record_action(
                request,
                action=f"{kind}.taken",
                borrower=taken.item.loan.borrower,
                target=taken.item,
                details={"from": taken.previous_holder} if taken.previous_holder else {},
            )
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


# Answering ---------------------------------------------------------------------------------


def _answer(request, form, *, change, action, borrower, target, kind, errors, details=None):
    """Validate ``form``; then change, record and release the queue item together, or put the
    domain's refusal on the form and change nothing."""
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        with transaction.atomic():
            change(data)
            record_action(
                request,
                action=action,
                borrower=borrower,
                target=target,
                reason=data["reason"],
                details={**(details or {}), "note": data.get("note", "")},
            )
            queue.release(kind=kind, pk=target.pk)
    except errors as error:
        form.add_error(None, str(error))
        return False
    return True


def _last_answer(target) -> Record | None:
    """Who answered, when and why: the latest change recorded on this item."""
    return (
        Record.objects.filter(
            kind=RecordKind.CHANGE,
            object_type=target._meta.label_lower,
            object_id=str(target.pk),
        )
        .exclude(action__endswith=".taken")
        .order_by("-at")
        .first()
    )


def _budget_rows(budget):
    monthly = (budget.answers or {}).get("monthly", {})
    groups = []
    for group, label in budgets.GROUP_LABELS.items():
        lines = [
            (category.label, Decimal(monthly[category.code]))
            for category in budgets.CATEGORIES
            if category.group == group and category.code in monthly
        ]
        if lines:
            groups.append({"label": label, "lines": lines})
    return groups


@console_view("support.answer_proposals")
def proposal_page(request, pk):
    proposal = get_object_or_404(
        Proposal.objects.select_related("loan__borrower", "loan__product__lender", "budget"),
        pk=pk,
    )
    loan, borrower = proposal.loan, proposal.loan.borrower
    waiting = proposal.status == ProposalStatus.IN_REVIEW
    may_sign_off = can_use(request.user, SIGN_OFF)
    forms = {
        "approve": AnswerForm(prefix="approve"),
        "counter": CounterForm(prefix="counter"),
        "decline": ExplainedAnswerForm(prefix="decline"),
    }
    review = reviewing.review_of(proposal) if waiting else None
    checked = None  # (terms, breaches) of a counter-offer being drafted

    if request.method == "POST":
        if not waiting:
            messages.error(request, _("This proposal has already been answered."))
            return redirect("support:proposal", pk=pk)
        done, checked = _answer_proposal(
            request, proposal, review, forms, request.POST.get("action"), may_sign_off
        )
        if done:
            messages.success(request, _("Answer sent. The borrower is being told."))
            return redirect("support:queue")
    else:
        record_view(request, borrower=borrower, what="proposal", target=proposal)

    return render(
        request,
        "support/proposal.html",
        {
            "proposal": proposal,
            "loan": loan,
            "borrower": borrower,
            "currency": loan.currency,
            "waiting": waiting,
            "review": review,
            "segment": Segment(review.segment).label if review else proposal.get_segment_display(),
            "budget_groups": _budget_rows(proposal.budget),
            "borrower_told": reasons_for(proposal),
            "may_sign_off": may_sign_off,
            "forms": forms,
            "checked": checked,
            "outcome_terms": None
            if waiting or not proposal.terms
            else PlanTerms.from_json(proposal.terms),
            "answer": None if waiting else _last_answer(proposal),
        },
    )


def _answer_proposal(request, proposal, review, forms, action, may_sign_off):
    """Run one of the page's forms: approve the request as it is, check or send a
    counter-offer, or decline. Returns (answered, the counter-offer checked or None); the
    bound form, with any errors, replaces the blank one in ``forms``."""
    common = {
        "borrower": proposal.loan.borrower,
        "target": proposal,
        "kind": QueueKind.PROPOSAL,
        "errors": reviewing.ReviewError,
    }
    checked = None
    if action == "decline":
        form = forms["decline"] = ExplainedAnswerForm(request.POST, prefix="decline")
        done = _answer(
            request,
            form,
            change=lambda data: reviewing.decline(
                proposal=proposal, by=request.user, note=data["note"]
            ),
            action="proposal.declined",
            **common,
        )
        return done, None
    if action == "approve":
        form = forms["approve"] = AnswerForm(request.POST, prefix="approve")
        if review.requested is None:
            form.add_error(None, review.requested_problem or _("Send a counter-offer instead."))
            return False, None
        terms, breaches = review.requested, review.breaches
        agree, code = reviewing.approve, "proposal.approved"
    elif action in ("check", "counter"):
        form = forms["counter"] = CounterForm(request.POST, prefix="counter")
        checked = _draft_counter(form, review, checking=action == "check")
        if action == "check" or checked is None or not form.is_valid():
            return False, checked
        (terms, breaches), agree, code = checked, reviewing.counter, "proposal.countered"
    else:
        return False, None
    if breaches and not may_sign_off:
        record_refusal(
            request,
            action="proposal.sign_off_refused",
            borrower=proposal.loan.borrower,
            target=proposal,
            details={"attempted": code, "beyond_policy": [limit.code for limit in breaches]},
        )
        form.add_error(None, _beyond_policy_message())
        return False, checked
    done = _answer(
        request,
        form,
        change=lambda data: agree(
            proposal=proposal,
            terms=terms,
            by=request.user,
            note=data["note"],
            # Only what this page showed as beyond the policy, so that the code recorded says
            # whether it was signed off.
            beyond_policy_allowed=may_sign_off and bool(breaches),
        ),
        action=SIGNED_OFF[code] if breaches else code,
        details=_terms_details(terms, breaches),
        **common,
    )
    return done, checked


def _beyond_policy_message() -> str:
    return _(
        "These terms are beyond the policy's limits and need a supervisor's sign-off. Nothing "
        "has changed: the proposal stays in the queue."
    )


def _terms_details(terms: PlanTerms, breaches) -> dict:
    return {"terms": terms.as_json(), "beyond_policy": [limit.code for limit in breaches]}


def _draft_counter(form: CounterForm, review, *, checking: bool):
    """The counter-offer's schedule and the limits it breaks, or None with the form's errors.
    Checking a schedule needs only the terms; the reason and note are asked when it is sent."""
    form.is_valid()
    if checking:
        for name in ("reason", "note"):
            form.errors.pop(name, None)
    if any(name not in form.cleaned_data for name in ("amount", "frequency", "start")):
        return None
    try:
        terms = reviewing.terms_for(review, **form.terms_input())
    except reviewing.ReviewError as error:
        form.add_error(None, str(error))
        return None
    return terms, reviewing.breaches_of(review, terms)


@console_view("support.decide_pauses")
def pause_page(request, pk):
    pause = get_object_or_404(
        Pause.objects.select_related("loan__borrower", "loan__product__lender"), pk=pk
    )
    loan, borrower = pause.loan, pause.loan.borrower
    today = local_today(timezone.now(), borrower.time_zone)
    can = {
        "grant": pause.status == PauseStatus.REQUESTED,
        "decline": pause.status == PauseStatus.REQUESTED,
        "end": pause.status == PauseStatus.GRANTED and pause.ends_on >= today,
    }
    forms = {
        "grant": AnswerForm(prefix="grant"),
        "decline": ExplainedAnswerForm(prefix="decline"),
        "end": AnswerForm(prefix="end"),
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if not can.get(action):
            messages.error(request, _("This pause has changed since the page was opened."))
            return redirect("support:pause", pk=pk)
        form = forms[action] = (ExplainedAnswerForm if action == "decline" else AnswerForm)(
            request.POST, prefix=action
        )
        changes = {
            "grant": lambda data: pauses.grant_pause(
                pause=pause, by=request.user, note=data["note"]
            ),
            "decline": lambda data: pauses.decline_pause(
                pause=pause, by=request.user, note=data["note"]
            ),
            "end": lambda data: pauses.end_pause(
                pause=pause, by=request.user, today=today, note=data["note"]
            ),
        }
        if _answer(
            request,
            form,
            change=changes[action],
            action={"grant": "pause.granted", "decline": "pause.declined", "end": "pause.ended"}[
                action
            ],
            borrower=borrower,
            target=pause,
            kind=QueueKind.PAUSE,
            errors=pauses.PauseError,
        ):
            messages.success(request, _("Done. The borrower is being told."))
            if action == "end":
                return redirect("support:pause", pk=pk)
            return redirect("support:queue")
    else:
        record_view(request, borrower=borrower, what="pause", target=pause)
    return render(
        request,
        "support/pause.html",
        {
            "pause": pause,
            "loan": loan,
            "borrower": borrower,
            "days": (pause.ends_on - pause.starts_on).days + 1,
            "policy": policy_for(loan.product),
            "can": can,
            "forms": forms,
            "answer": _last_answer(pause),
        },
    )


@console_view("support.resolve_disputes")
def dispute_page(request, pk):
    dispute = get_object_or_404(
        Dispute.objects.select_related("loan__borrower", "loan__product__lender", "entry"), pk=pk
    )
    loan, borrower = dispute.loan, dispute.loan.borrower
    waiting = dispute.status == DisputeStatus.OPEN
    forms = {
        "uphold": ExplainedAnswerForm(prefix="uphold"),
        "reject": ExplainedAnswerForm(prefix="reject"),
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if not waiting or action not in forms:
            messages.error(request, _("This dispute has already been resolved."))
            return redirect("support:dispute", pk=pk)
        form = forms[action] = ExplainedAnswerForm(request.POST, prefix=action)
        today = local_today(timezone.now(), borrower.time_zone)
        changes = {
            "uphold": lambda data: disputes.uphold(
                dispute=dispute, by=request.user, note=data["note"], today=today
            ),
            "reject": lambda data: disputes.reject(
                dispute=dispute, by=request.user, note=data["note"]
            ),
        }
        if _answer(
            request,
            form,
            change=changes[action],
            action=f"dispute.{'upheld' if action == 'uphold' else 'rejected'}",
            borrower=borrower,
            target=dispute,
            kind=QueueKind.DISPUTE,
            errors=disputes.DisputeError,
            details={"entry": dispute.entry.external_id, "amount": str(dispute.entry.amount)},
        ):
            messages.success(request, _("Done. The borrower is being told."))
            return redirect("support:queue")
    else:
        record_view(request, borrower=borrower, what="dispute", target=dispute)
    return render(
        request,
        "support/dispute.html",
        {
            "dispute": dispute,
            "entry": dispute.entry,
            "loan": loan,
            "borrower": borrower,
            "currency": loan.currency,
            "waiting": waiting,
            "forms": forms,
            "answer": None if waiting else _last_answer(dispute),
        },
    )


# The dashboard -----------------------------------------------------------------------------


@console_view("support.view_dashboard")
def dashboard_page(request):
    figures = dashboards.figures()
    suppressed = [(row.label, row.suppressed) for row in figures.reminders if row.suppressed]
    return render(
        request,
        "support/dashboard.html",
        {
            "figures": figures,
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


urlpatterns = [
    path("queue/", queue_page, name="queue"),
    path("queue/<slug:kind>/<int:pk>/take/", take_item, name="take"),
    path("proposals/<int:pk>/", proposal_page, name="proposal"),
    path("pauses/<int:pk>/", pause_page, name="pause"),
    path("disputes/<int:pk>/", dispute_page, name="dispute"),
    path("dashboard/", dashboard_page, name="dashboard"),
]
