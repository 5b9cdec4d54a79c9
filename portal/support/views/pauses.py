"""The page that answers a pause: grant or decline a request, or end a granted pause early."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.staff import staff_view
from portal.audit.actors import Actor
from portal.audit.recording import record_view
from repayment.hardship.pauses import PauseError
from repayment.ledger.reading import local_today
from repayment.models import Pause, PauseStatus
from repayment.plans.policy import policy_for

from ..actions.pauses import do_decline_pause, do_end_pause, do_grant_pause
from ..forms.answers import AnswerForm, ExplainedAnswerForm
from ..queue import last_answer


@staff_view("support.decide_pauses")
def pause_page(request, pk):
    pause = get_object_or_404(
        Pause.objects.select_related("loan__borrower", "loan__product__lender"), pk=pk
    )
    acting = Actor.of(request)
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
        if form.is_valid() and _answered(form, pause, action, acting=acting, today=today):
            messages.success(request, _("Done. The borrower is being told."))
            if action == "end":
                return redirect("support:pause", pk=pk)
            return redirect("support:queue")
    else:
        record_view(acting=acting, borrower=borrower, what="pause", target=pause)
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
            "answer": last_answer(pause),
        },
    )


def _answered(form, pause, action: str, *, acting: Actor, today) -> bool:
    """Call the action the valid ``form`` asks for; a refusal goes on the form."""
    answer = {
        "acting": acting,
        "reason": form.cleaned_data["reason"],
        "note": form.cleaned_data["note"],
    }
    try:
        if action == "grant":
            do_grant_pause(pause, **answer)
        elif action == "decline":
            do_decline_pause(pause, **answer)
        else:
            do_end_pause(pause, today=today, **answer)
    except PauseError as error:
        form.add_error(None, str(error))
        return False
    return True
