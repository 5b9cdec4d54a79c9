"""The page that resolves a dispute: the entry and the borrower's message, and the forms that
uphold or reject it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.accounts.staff import staff_view
from portal.audit.actors import Actor
from portal.audit.recording import record_view
from repayment.hardship.disputes import DisputeError
from repayment.models import Dispute, DisputeStatus

from ..actions.disputes import do_reject_dispute, do_uphold_dispute
from ..dispute_view import fee_rule, ledger_around
from ..forms.answers import ExplainedAnswerForm
from ..queue import last_answer


@staff_view("support.resolve_disputes")
def dispute_page(request, pk):
    dispute = get_object_or_404(
        Dispute.objects.select_related("loan__borrower", "loan__product__lender", "entry"), pk=pk
    )
    acting = Actor.of(request)
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
        if form.is_valid() and _answered(form, dispute, action, acting=acting):
            messages.success(request, _("Done. The borrower is being told."))
            return redirect("support:queue")
    else:
        record_view(acting=acting, borrower=borrower, what="dispute", target=dispute)
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
            "answer": None if waiting else last_answer(dispute),
            "around": ledger_around(loan=loan, entry=dispute.entry),
            "fee_rule": fee_rule(loan=loan, entry=dispute.entry),
        },
    )


def _answered(form, dispute, action: str, *, acting: Actor) -> bool:
    """Call the action the valid ``form`` asks for; a refusal goes on the form."""
    answer = {
        "acting": acting,
        "reason": form.cleaned_data["reason"],
        "note": form.cleaned_data["note"],
    }
    try:
        if action == "uphold":
            do_uphold_dispute(dispute, **answer)
        else:
            do_reject_dispute(dispute, **answer)
    except DisputeError as error:
        form.add_error(None, str(error))
        return False
    return True
