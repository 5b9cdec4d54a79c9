"""A borrower's budget and own proposal, decided at once and saved together."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from repayment.plans.options import options_for

from ..models import Budget, Decision, Loan, Proposal, ProposalStatus
from . import budget as budgets
from .decisions import Request, decide


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
        # A new proposal replaces one still waiting for the borrower's confirmation.
        loan.proposals.filter(status=ProposalStatus.AWAITING_BORROWER).update(
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
