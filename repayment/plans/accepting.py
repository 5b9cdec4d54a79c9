"""Turning confirmed terms into one plan.

A double click, a refresh or two requests at once must give exactly one plan. The confirmation
form carries a key made when the form was shown; the loan's row is locked while the plan is
written; a plan with the same key, or any active plan on the loan, is returned instead of
making another. The database backs this up: keys are unique, and so is the active plan of a
loan.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from repayment.events import tell_borrower, tell_lender
from repayment.models.lender_events import LenderTopic
from repayment.position_table.keeping import refresh_loan

from ..models import Loan, Plan, PlanInstallment, PlanStatus, Proposal, ProposalStatus
from .terms import PlanTerms


def accept(
    *,
    loan: Loan,
    terms: PlanTerms,
    key: str,
    segment: str,
    today: date,
    proposal: Proposal | None = None,
) -> tuple[Plan, bool]:
    """The plan for these terms and whether this call created it."""
    try:
        with transaction.atomic():
            Loan.objects.select_for_update().filter(pk=loan.pk).first()
            existing = _existing(loan, key)
            if existing is not None:
                return existing, False
            return _create(loan, terms, key, segment, today, proposal), True
    except IntegrityError:
        # Another request won the race between our check and our insert.
        existing = _existing(loan, key)
        if existing is None:
            raise
        return existing, False


def _existing(loan: Loan, key: str) -> Plan | None:
    """The plan this key already made, or the loan's active plan: either way, the one plan."""
    return (
        Plan.objects.filter(idempotency_key=key).first()
        or loan.plans.filter(status=PlanStatus.ACTIVE).first()
    )


def _create(loan, terms, key, segment, today, proposal) -> Plan:
    plan = Plan.objects.create(
        loan=loan,
        kind=terms.kind,
        proposal=proposal,
        segment=segment,
        frequency=terms.frequency,
        total=terms.total,
        covers_overdue=terms.covers_overdue,
        discount=terms.discount,
        starts_on=today,
        idempotency_key=key,
    )
    PlanInstallment.objects.bulk_create(
        PlanInstallment(
            plan=plan,
            number=number,
            due_date=item.due_date,
            original_due_date=item.due_date,
            amount=item.amount,
        )
        for number, item in enumerate(terms.installments, start=1)
    )
    refresh_loan(loan)
    if proposal is not None:
        Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.TAKEN_UP)
    # Any other proposal still waiting on this loan is overtaken by the plan.
    loan.proposals.filter(
        status__in=[ProposalStatus.AWAITING_BORROWER, ProposalStatus.APPROVED]
    ).exclude(pk=getattr(proposal, "pk", None)).update(status=ProposalStatus.LAPSED)
    tell_lender(
        loan=loan,
        topic=LenderTopic.PLAN_ACCEPTED,
        key=f"plan.accepted:{plan.pk}",
        payload={
            "plan": plan.pk,
            "kind": plan.kind,
            "total": str(plan.total),
            "discount": str(plan.discount),
            "installments": [
                {"date": item.due_date.isoformat(), "amount": str(item.amount)}
                for item in terms.installments
            ],
        },
    )
    tell_borrower(
        loan=loan,
        event="plan_accepted",
        about=f"plan{plan.pk}",
        facts={"amount": terms.first.amount, "due_date": terms.first.due_date},
    )
    return plan
