"""The page that answers a proposal: the request, the budget and the loan against the policy,
and the forms that approve it, check or send a counter-offer, or decline it."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.accounts.staff import staff_view
from portal.audit.actors import Actor
from portal.audit.recording import record_view
from repayment.models import Proposal, ProposalStatus, Segment
from repayment.plans import budget as budgets
from repayment.plans import reviewing
from repayment.plans.terms import PlanTerms
from repayment.plans.wording import reasons_for

from ..actions.proposals import (
    do_approve_proposal,
    do_counter_proposal,
    do_decline_proposal,
    may_sign_off,
)
from ..forms.answers import AnswerForm, CounterForm, ExplainedAnswerForm
from ..queue import last_answer


@staff_view("support.answer_proposals")
def proposal_page(request, pk):
    proposal = get_object_or_404(
        Proposal.objects.select_related("loan__borrower", "loan__product__lender", "budget"),
        pk=pk,
    )
    acting = Actor.of(request)
    loan, borrower = proposal.loan, proposal.loan.borrower
    waiting = proposal.status == ProposalStatus.IN_REVIEW
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
        answered, checked = _answer(request.POST, proposal, review, forms, acting=acting)
        if answered:
            messages.success(request, _("Answer sent. The borrower is being told."))
            return redirect("support:queue")
    else:
        record_view(acting=acting, borrower=borrower, what="proposal", target=proposal)

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
            "may_sign_off": may_sign_off(request.user),
            "forms": forms,
            "checked": checked,
            "outcome_terms": None
            if waiting or not proposal.terms
            else PlanTerms.from_json(proposal.terms),
            "answer": None if waiting else last_answer(proposal),
        },
    )


def _answer(data, proposal, review, forms, *, acting: Actor):
    """Run the form the page sent: approve the request as it is, check or send a counter-offer,
    or decline. Returns (answered, the counter-offer checked or None); the bound form, with any
    errors, replaces the blank one in ``forms``."""
    action = data.get("action")
    checked = None
    if action == "approve":
        form = forms["approve"] = AnswerForm(data, prefix="approve")
    elif action == "decline":
        form = forms["decline"] = ExplainedAnswerForm(data, prefix="decline")
    elif action in ("check", "counter"):
        form = forms["counter"] = CounterForm(data, prefix="counter")
        checked = _draft_counter(form, review, checking=action == "check")
        if action == "check" or checked is None:
            return False, checked
    else:
        return False, None
    if not form.is_valid():
        return False, checked
    answer = {
        "acting": acting,
        "reason": form.cleaned_data["reason"],
        "note": form.cleaned_data["note"],
    }
    try:
        if action == "approve":
            do_approve_proposal(proposal, **answer)
        elif action == "decline":
            do_decline_proposal(proposal, **answer)
        else:
            do_counter_proposal(proposal, checked[0], **answer)
    except reviewing.ReviewError as error:
        form.add_error(None, str(error))
        return False, checked
    return True, checked


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
