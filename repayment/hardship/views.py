"""Borrower pages for a pause in hardship and for questioning an entry. Thin, as the plan pages."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.hardship.answer_time import dispute_message, requested_message
from repayment.hardship.disputes import DisputeError, disputable_entries, open_dispute, questions_of
from repayment.hardship.forms import DisputeForm, PauseForm
from repayment.hardship.pauses import PauseError, last_answer, pause_reasons, request_pause
from repayment.models import PauseStatus
from repayment.money import format_money
from repayment.plans.options import options_for
from repayment.plans.views import paid_off


@require_http_methods(["GET", "POST"])
@borrower_required
def loan_pause(request, reference):
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    options = options_for(loan=loan)
    if options.paid_off:
        return paid_off(request, loan)
    form = PauseForm(
        request.POST or None,
        max_days=options.policy.pause_max_days,
        reasons=pause_reasons(loan.product),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pause = request_pause(
                loan=loan,
                reason=form.cleaned_data["reason"],
                days=form.cleaned_data["days"],
                note=form.cleaned_data["note"],
                today=options.statement.today,
            )
        except PauseError as error:
            form.add_error(None, str(error))
        else:
            if pause.status == PauseStatus.GRANTED:
                messages.success(request, _("Your pause is in place."))
            else:
                messages.success(request, requested_message(pause))
            return redirect("loan_help", reference)
    return render(
        request,
        "repayment/plans/pause.html",
        {
            "loan": loan,
            "options": options,
            "form": form,
            "pause_answer": None if options.pause else last_answer(loan),
        },
    )


DISPUTABLE_ENTRIES = 60


@require_http_methods(["GET", "POST"])
@borrower_required
def loan_dispute(request, reference):
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    entries = list(disputable_entries(loan).order_by("-effective_date", "-id")[:DISPUTABLE_ENTRIES])
    choices = [
        (
            entry.pk,
            f"{date_format(entry.effective_date, 'DATE_FORMAT')} · {entry.get_kind_display()} · "
            f"{format_money(entry.amount, loan.currency, get_language() or 'en')}",
        )
        for entry in entries
    ]
    form = DisputeForm(
        request.POST or None, entries=choices, initial={"entry": _entry_asked(request)}
    )
    if request.method == "POST" and form.is_valid():
        entry = next(e for e in entries if e.pk == form.cleaned_data["entry"])
        try:
            dispute = open_dispute(loan=loan, entry=entry, message=form.cleaned_data["message"])
        except DisputeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, dispute_message(dispute))
            return redirect("loan_statement", reference)
    return render(
        request,
        "repayment/plans/dispute.html",
        {"loan": loan, "form": form, "questions": questions_of(loan)},
    )


def _entry_asked(request) -> int | None:
    """The entry a statement line's "Question this" link names, if it is a number."""
    try:
        return int(request.GET.get("entry"))
    except (TypeError, ValueError):
        return None
