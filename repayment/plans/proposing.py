"""A borrower's budget and own proposal, decided at once and saved together.

A loan has one open proposal at most. A new one replaces a proposal that waits only for the
borrower's own confirmation (agreed at once, countered, or approved by staff): the borrower has
changed their mind. One that a person is still looking at is not replaced: the borrower hears
its answer first. The loan's row is locked while this is checked and the proposal written, so
two requests at once cannot both get through; the database backs this up
(``one_open_proposal_per_loan``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from repayment.plans.options import options_for

from ..models import Budget, Decision, Loan, Proposal, ProposalStatus
from ..models.plans import OPEN_PROPOSAL_STATUSES
from . import budget as budgets
from .decisions import Request, decide


class ProposalUnderReview(Exception):
    """A person is still looking at the loan's ``proposal``; a new one waits for its answer."""

    def __init__(self, proposal: Proposal):
        super().__init__(f"proposal {proposal.pk} is in review")
        self.proposal = proposal


class LoanPaidOff(Exception):
    """Nothing is owed on the loan: there is nothing to plan."""


def proposal_under_review(loan: Loan) -> Proposal | None:
    return loan.proposals.filter(status=ProposalStatus.IN_REVIEW).first()


def save_budget(*, loan: Loan, answers: Mapping[str, Decimal], period: str) -> Budget:
    monthly = budgets.monthly_answers(answers, period, loan.currency)
    summary = budgets.summarise(monthly)
    return Budget.objects.create(
        loan=loan,
        answers={
            "period": period,
            "entered": {code: str(amount) for code, amount in answers.items() if amount},
            "monthly": {code: str(amount) for code, amount in monthly.items() if amount},
        },
        income=summary.income,
        spending=summary.spending,
        other_debts=summary.other_debts,
        available=summary.available,
    )


def propose(
    *, loan: Loan, budget: Budget, request: Request, as_of: datetime | None = None
) -> Proposal:
    as_of = as_of or timezone.now()
    options = options_for(loan=loan, as_of=as_of)
    if options.paid_off:
        raise LoanPaidOff
    outcome = decide(
        request=request,
        situation=options.situation,
        policy=options.policy,
        segment=options.assessment.segment,
        available_monthly=budget.available,
        plans_this_year=options.plans_this_year,
    )
    in_review = outcome.decision == Decision.REVIEW
    with transaction.atomic():
        Loan.objects.select_for_update().filter(pk=loan.pk).first()
        waiting = proposal_under_review(loan)
        if waiting is not None:
            raise ProposalUnderReview(waiting)
        # What is still open waits only for the borrower: this proposal replaces it.
        loan.proposals.filter(status__in=OPEN_PROPOSAL_STATUSES).update(
            status=ProposalStatus.LAPSED
        )
        return Proposal.objects.create(
            loan=loan,
            budget=budget,
            amount=request.amount,
            frequency=request.frequency,
            start_date=request.start,
            segment=options.assessment.segment,
            decision=outcome.decision,
            reasons=list(outcome.reasons),
            terms=outcome.terms.as_json() if outcome.terms else None,
            status=ProposalStatus.IN_REVIEW if in_review else ProposalStatus.AWAITING_BORROWER,
            review_due_at=as_of + timedelta(hours=options.policy.review_hours)
            if in_review
            else None,
        )
