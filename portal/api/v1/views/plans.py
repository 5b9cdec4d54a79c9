"""Offers accepted, own plans proposed and confirmed, and the borrower's plans. Each write runs
under the request's Idempotency-Key (``portal.api.idempotency``) and calls the same functions
as the borrower's pages: ``accepting.accept``, ``proposing.save_budget`` and ``propose``."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from repayment.ledger.reading import ledger_lines, local_today
from repayment.models import Plan, Proposal
from repayment.plans import accepting, proposing, reviewing
from repayment.plans.forms import BudgetForm, ProposalForm
from repayment.plans.keeping_on_track import progress_of
from repayment.plans.options import options_for
from repayment.plans.terms import PlanTerms
from repayment.plans.wording import reasons_for

from ... import idempotency
from ...errors import Conflict, form_errors
from ..serializers.plans import PlanSerializer, ProposalSerializer
from ..serializers.requests import ProposalRequestSerializer
from .base import BorrowerView, refuse_if_invalid
from .errors import ERRORS

PROPOSAL_FIELDS = ("amount", "frequency", "start")


def plan_data(plan: Plan, *, today, lines=None) -> dict:
    loan = plan.loan
    value = {
        "plan": plan,
        "reference": loan.reference,
        "currency": loan.currency,
        "progress": progress_of(plan, today=today, lines=lines),
    }
    return PlanSerializer(value, context={"currency": loan.currency}).data


def proposal_data(proposal: Proposal, options) -> dict:
    loan = proposal.loan
    value = {
        "proposal": proposal,
        "reference": loan.reference,
        "reasons": reasons_for(proposal),
        "terms": PlanTerms.from_json(proposal.terms) if proposal.terms else None,
        "can_accept": reviewing.confirmable_terms(proposal, options) is not None,
        "plan": Plan.objects.filter(proposal=proposal).values_list("pk", flat=True).first(),
    }
    return ProposalSerializer(value, context={"currency": loan.currency}).data


def _plan_in_place() -> Conflict:
    return Conflict(
        _("This loan has a plan in place now, so it cannot take up another one."),
        code="active_plan",
    )


def _paid_off() -> Conflict:
    return Conflict(_("This loan is paid off: there is nothing to arrange."), code="paid_off")


def _proposal_open(proposal: Proposal) -> Conflict:
    sent = local_today(proposal.created_at, proposal.loan.borrower.time_zone)
    return Conflict(
        _(
            "A person is still looking at the plan you proposed on %(date)s (proposal "
            "%(number)d). You can propose a different plan once we have answered it."
        )
        % {"date": date_format(sent, "DATE_FORMAT"), "number": proposal.pk},
        code="proposal_open",
        proposal=proposal.pk,
    )


def _set_up_plan(request, loan, terms_from, *, proposal=None) -> Response:
    """Set up the plan whose terms ``terms_from(options)`` gives (or refuses with its own
    error), once per Idempotency-Key, and answer with it; refused while a plan is in place."""

    def accept():
        options = options_for(loan=loan)
        if options.active_plan is not None:
            raise _plan_in_place()
        plan, created = accepting.accept(
            loan=loan,
            terms=terms_from(options),
            key=idempotency.derived_key(request),
            segment=options.assessment.segment,
            today=options.statement.today,
            proposal=proposal,
        )
        if not created:
            # Another request set a plan up on this loan between our check and our write.
            raise _plan_in_place()
        today = options.statement.today
        return Response(plan_data(plan, today=today), status=status.HTTP_201_CREATED)

    return idempotency.run(request, accept)


class OfferAccept(BorrowerView):
    @extend_schema(
        operation_id="loan_offer_accept",
        summary="Accept an offer",
        description="Sets the offer's plan up. The code comes from the loan's offers.",
        request=None,
        parameters=[idempotency.PARAMETER],
        responses={201: PlanSerializer, **ERRORS.write},
    )
    def post(self, request, reference, code):
        def offered(options):
            terms = options.offer(code)
            if terms is None:
                raise exceptions.NotFound(
                    _("That offer is not available today. Ask for the loan's offers again."),
                    code="offer_unavailable",
                )
            return terms

        return _set_up_plan(request, self.loan(reference), offered)


class ProposalCreate(BorrowerView):
    @extend_schema(
        operation_id="loan_proposal_create",
        summary="Propose my own plan",
        description=(
            "The borrower's income and expenditure and the plan they propose, checked as the "
            "website checks them. The answer comes at once: accepted (confirm it with "
            "POST .../proposals/{id}/accept/), countered with the nearest plan we can agree "
            "(confirm it the same way), or review: a person answers by review_due_at, and "
            "GET .../proposals/{id}/ shows the answer. While a person is looking at one, a "
            "new proposal is refused: 409 proposal_open, with the open one's id in proposal."
        ),
        request=ProposalRequestSerializer,
        parameters=[idempotency.PARAMETER],
        responses={201: ProposalSerializer, **ERRORS.write},
    )
    def post(self, request, reference):
        loan = self.loan(reference)

        def propose():
            options = options_for(loan=loan)
            if options.paid_off:
                raise _paid_off()
            data = self.body()
            request_check = ProposalRequestSerializer(data=data)
            request_check.refuse_wrong_shape()
            if options.active_plan is not None:
                raise _plan_in_place()
            if waiting := proposing.proposal_under_review(loan):
                raise _proposal_open(waiting)
            budget_form = BudgetForm(data.get("budget") or {}, currency=loan.currency)
            proposal_form = ProposalForm.for_options(
                {name: data[name] for name in PROPOSAL_FIELDS if name in data}, options
            )
            errors = {}
            if not budget_form.is_valid():
                errors.update(form_errors(budget_form, prefix="budget"))
            if not proposal_form.is_valid():
                errors.update(form_errors(proposal_form))
            refuse_if_invalid(request_check, errors)
            budget = proposing.save_budget(
                loan=loan,
                answers=budget_form.answers(),
                period=budget_form.cleaned_data["period"],
            )
            try:
                proposal = proposing.propose(
                    loan=loan, budget=budget, request=proposal_form.requested()
                )
            except proposing.ProposalUnderReview as refused:
                # Sent at the same moment as another proposal, which went to a person.
                raise _proposal_open(refused.proposal) from None
            return Response(proposal_data(proposal, options), status=status.HTTP_201_CREATED)

        return idempotency.run(request, propose)


def _proposal(loan, pk) -> Proposal:
    return get_object_or_404(
        Proposal.objects.select_related("budget", "loan__product", "loan__borrower"),
        pk=pk,
        loan=loan,
    )


class ProposalDetail(BorrowerView):
    @extend_schema(
        operation_id="loan_proposal_retrieve",
        summary="A proposal and its answer",
        responses={200: ProposalSerializer, **ERRORS.read},
    )
    def get(self, request, reference, pk):
        loan = self.loan(reference)
        proposal = _proposal(loan, pk)
        return Response(proposal_data(proposal, options_for(loan=loan)))


class ProposalAccept(BorrowerView):
    @extend_schema(
        operation_id="loan_proposal_accept",
        summary="Confirm a proposal's plan",
        description="Sets up the plan of a proposal agreed at once, countered, or approved by "
        "staff (can_accept is true).",
        request=None,
        parameters=[idempotency.PARAMETER],
        responses={201: PlanSerializer, **ERRORS.write},
    )
    def post(self, request, reference, pk):
        loan = self.loan(reference)
        proposal = _proposal(loan, pk)

        def confirmable(options):
            terms = reviewing.confirmable_terms(proposal, options)
            if terms is None:
                raise Conflict(
                    _("This proposal can no longer be confirmed."), code="not_confirmable"
                )
            return terms

        return _set_up_plan(request, loan, confirmable, proposal=proposal)


class PlanList(BorrowerView):
    @extend_schema(
        operation_id="plans_list",
        summary="My plans",
        description="Every plan on the borrower's loans, newest first, with its payments and "
        "how each stands.",
        responses={200: PlanSerializer(many=True), **ERRORS.auth},
    )
    def get(self, request):
        plans = (
            Plan.objects.filter(loan__borrower=self.borrower)
            .select_related("loan__product__plan_policy", "loan__borrower")
            .prefetch_related("installments")
            .order_by("-accepted_at", "-pk")
        )
        today = local_today(timezone.now(), self.borrower.time_zone)
        lines: dict[int, list] = {}
        found = []
        for plan in plans:
            if plan.loan_id not in lines:
                lines[plan.loan_id] = ledger_lines(loan=plan.loan)
            found.append(plan_data(plan, today=today, lines=lines[plan.loan_id]))
        return Response(found)
