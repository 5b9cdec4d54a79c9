"""Borrower pages for plans: offers, the budget and an own proposal, the plan and changes to it.
Thin: each view finds the borrower's own loan (404 for anyone else's), validates a form, calls
one function in ``repayment.plans`` and shows the result."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.hardship.disputes import questions_of
from repayment.hardship.pauses import last_answer
from repayment.models import Decision, Frequency, Proposal, ProposalStatus, StaffDecision
from repayment.plans import accepting, decisions, proposing, reviewing
from repayment.plans.adjusting import (
    PlanChangeError,
    change_payday,
    movable,
    move_payment,
    payday_choices,
)
from repayment.plans.forms import BudgetForm, ConfirmForm, MovePaymentForm, PaydayForm, ProposalForm
from repayment.plans.keeping_on_track import progress_of
from repayment.plans.options import options_for
from repayment.plans.terms import PlanTerms
from repayment.plans.wording import reasons_for


def new_key() -> str:
    return uuid.uuid4().hex


def _loan(request, reference):
    return get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)


@require_http_methods(["GET"])
@borrower_required
def loan_help(request, reference):
    loan = _loan(request, reference)
    options = options_for(loan=loan)
    if options.paid_off:
        return paid_off(request, loan)
    return render(
        request,
        "repayment/plans/help.html",
        {
            "loan": loan,
            "options": options,
            "proposal": None if options.active_plan else reviewing.open_proposal(loan),
            "pause_answer": None if options.pause else last_answer(loan),
            "questions": questions_of(loan, limit=3),
        },
    )


@require_http_methods(["GET", "POST"])
@borrower_required
def offer_confirm(request, reference, code):
    loan = _loan(request, reference)
    options = options_for(loan=loan)
    if options.active_plan:
        return redirect("loan_plan", reference)
    terms = options.offer(code)
    if terms is None:
        messages.info(request, _("That offer has changed. Here is what you can arrange today."))
        return redirect("loan_help", reference)
    form = ConfirmForm(request.POST or None, initial={"key": new_key()})
    if request.method == "POST" and form.is_valid():
        return _accept(request, loan, terms, form, options)
    return render(
        request,
        "repayment/plans/confirm.html",
        {"loan": loan, "options": options, "terms": terms, "form": form, "action": request.path},
    )


def _accept(request, loan, terms: PlanTerms, form, options, proposal=None):
    _plan, created = accepting.accept(
        loan=loan,
        terms=terms,
        key=form.cleaned_data["key"],
        segment=options.assessment.segment,
        today=options.statement.today,
        proposal=proposal,
    )
    if created:
        messages.success(request, _("Your plan is set up. We have sent you its payments."))
    return redirect("loan_plan", loan.reference)


def paid_off(request, loan):
    """A paid-off loan has nothing to arrange: back to its statement, which says so."""
    messages.info(request, _("This loan is paid off: there is nothing to arrange."))
    return redirect("loan_statement", loan.reference)


def _under_review(request, loan, proposal, *, status=200):
    """The page that says a person is still looking at ``proposal``, in place of a new one."""
    return render(
        request,
        "repayment/plans/proposal_waiting.html",
        {"loan": loan, "options": options_for(loan=loan), "proposal": proposal},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@borrower_required
def plan_budget(request, reference):
    loan = _loan(request, reference)
    if options_for(loan=loan).paid_off:
        return paid_off(request, loan)
    if waiting := proposing.proposal_under_review(loan):
        return _under_review(request, loan, waiting)
    form = BudgetForm(request.POST or None, currency=loan.currency)
    if request.method == "POST" and form.is_valid():
        budget = proposing.save_budget(
            loan=loan, answers=form.answers(), period=form.cleaned_data["period"]
        )
        return redirect(reverse("plan_propose", args=[reference]) + f"?budget={budget.pk}")
    return render(request, "repayment/plans/budget.html", {"loan": loan, "form": form})


@require_http_methods(["GET", "POST"])
@borrower_required
def plan_propose(request, reference):
    loan = _loan(request, reference)
    budget = loan.budgets.filter(pk=_int(request.GET.get("budget"))).first()
    if budget is None:
        return redirect("plan_budget", reference)
    options = options_for(loan=loan)
    if options.paid_off:
        return paid_off(request, loan)
    if options.active_plan:
        return redirect("loan_plan", reference)
    if waiting := proposing.proposal_under_review(loan):
        return _under_review(request, loan, waiting)
    form = ProposalForm.for_options(request.POST or None, options)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = proposing.propose(loan=loan, budget=budget, request=form.requested())
        except proposing.ProposalUnderReview as refused:
            # Another tab or a double click sent one that went to a person first.
            return _under_review(request, loan, refused.proposal, status=409)
        except proposing.LoanPaidOff:
            return paid_off(request, loan)
        return redirect("proposal_detail", reference, proposal.pk)
    affordable = {
        frequency: decisions.affordable_each_time(budget.available, frequency, loan.currency)
        for frequency in ("weekly", "fortnightly", "monthly")
    }
    return render(
        request,
        "repayment/plans/propose.html",
        {
            "loan": loan,
            "options": options,
            "budget": budget,
            "affordable": affordable,
            "form": form,
            # Waiting only for the borrower's confirmation: a new proposal replaces it.
            "replaces": reviewing.open_proposal(loan),
        },
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_http_methods(["GET", "POST"])
@borrower_required
def proposal_detail(request, reference, pk):
    loan = _loan(request, reference)
    proposal = get_object_or_404(Proposal.objects.select_related("budget"), pk=pk, loan=loan)
    options = options_for(loan=loan)
    terms = PlanTerms.from_json(proposal.terms) if proposal.terms else None
    can_confirm = reviewing.confirmable_terms(proposal, options) is not None
    newer = reviewing.open_proposal(loan)
    form = ConfirmForm(request.POST or None, initial={"key": new_key()})
    if request.method == "POST":
        if options.active_plan is not None:
            # A second click, a refresh or another tab: the plan already exists.
            return redirect("loan_plan", reference)
        if not can_confirm:
            messages.info(request, _("This proposal can no longer be confirmed."))
            return redirect("loan_help", reference)
        if form.is_valid():
            return _accept(request, loan, terms, form, options, proposal=proposal)
    return render(
        request,
        "repayment/plans/proposal.html",
        {
            "loan": loan,
            "options": options,
            "proposal": proposal,
            "terms": terms,
            "reasons": reasons_for(proposal),
            "countered": proposal.decision == Decision.COUNTERED
            or proposal.staff_decision == StaffDecision.COUNTERED,
            # Answered at once with much more than the borrower offered: the lowest we can
            # agree, not a plan "close to" theirs.
            "lowest": not proposal.staff_decision
            and proposal.decision == Decision.COUNTERED
            and terms is not None
            and any(code in decisions.RAISED for code in proposal.reasons)
            and decisions.raised_far(proposal.amount, terms.first.amount),
            "closed": _closed(proposal, options),
            "newer": newer if newer != proposal else None,
            "can_confirm": can_confirm,
            "form": form,
            "action": request.path,
        },
    )


def _closed(proposal: Proposal, options) -> str | None:
    """Why the proposal's page can no longer offer its plan: it became the plan
    ("taken_up"), another plan is in place ("plan_in_place"), or something newer replaced it
    ("lapsed"). None while it is open, or declined (its page says why, and what to do)."""
    if proposal.status == ProposalStatus.TAKEN_UP:
        return "taken_up"
    if options.active_plan is not None:
        return "plan_in_place"
    if proposal.status == ProposalStatus.LAPSED:
        return "lapsed"
    return None


@require_http_methods(["GET"])
@borrower_required
def loan_plan(request, reference):
    loan = _loan(request, reference)
    options = options_for(loan=loan)
    plan = options.active_plan or loan.plans.first()
    if plan is None:
        return redirect("loan_help", reference)
    today = options.statement.today
    progress = progress_of(plan, today=today)
    active = plan == options.active_plan
    payday_days = (
        payday_choices(plan, today=today, progress=progress)
        if active and options.policy.payday_change_allowed
        else []
    )
    return render(
        request,
        "repayment/plans/plan.html",
        {
            "loan": loan,
            "options": options,
            "plan": plan,
            "progress": progress,
            "move_form": _move_form(plan, options, None, progress=progress),
            # The form went because the plan's moves are used, not because nothing is left
            # to move: the page says so, and what the borrower can do instead.
            "moves_used_up": active
            and options.policy.moves_allowed > 0
            and plan.moves_used >= options.policy.moves_allowed
            and progress.next_payment is not None,
            "payday_form": PaydayForm(monthly=plan.frequency == Frequency.MONTHLY, days=payday_days)
            if payday_days
            else None,
        },
    )


def _move_form(plan, options, data, progress=None):
    if plan != options.active_plan or plan.moves_used >= options.policy.moves_allowed:
        return None
    choices = [
        (item.number, date_format(item.due_date, "DATE_FORMAT"))
        for item in movable(plan, today=options.statement.today, progress=progress)
    ]
    return MovePaymentForm(data, payments=choices) if choices else None


@require_POST
@borrower_required
def plan_move(request, reference):
    loan = _loan(request, reference)
    options = options_for(loan=loan)
    form = _move_form(options.active_plan, options, request.POST) if options.active_plan else None
    if form is None:
        messages.error(request, _("No payment in this plan can be moved now."))
    elif form.is_valid():
        try:
            item = move_payment(
                plan=options.active_plan,
                number=form.cleaned_data["payment"],
                new_date=form.cleaned_data["new_date"],
                today=options.statement.today,
            )
        except PlanChangeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Done: that payment is now due on %(date)s.")
                % {"date": date_format(item.due_date, "DATE_FORMAT")},
            )
    else:
        messages.error(request, _("Choose a payment and a new date."))
    return redirect("loan_plan", reference)


@require_POST
@borrower_required
def plan_payday(request, reference):
    loan = _loan(request, reference)
    options = options_for(loan=loan)
    plan = options.active_plan
    if plan is None:
        return redirect("loan_help", reference)
    form = PaydayForm(request.POST, monthly=plan.frequency == Frequency.MONTHLY)
    if form.is_valid():
        try:
            moved = change_payday(
                plan=plan, day=form.cleaned_data["day"], today=options.statement.today
            )
        except PlanChangeError as error:
            messages.error(request, str(error))
        else:
            if not moved:
                messages.info(request, _("Your payments are already on that day."))
                return redirect("loan_plan", reference)
            messages.success(
                request,
                ngettext(
                    "Done: %(count)d payment moved to your new payment day.",
                    "Done: %(count)d payments moved to your new payment day.",
                    moved,
                )
                % {"count": moved},
            )
    else:
        messages.error(request, _("Choose a valid payment day."))
    return redirect("loan_plan", reference)
