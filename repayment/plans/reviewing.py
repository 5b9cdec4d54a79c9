"""Staff answers to a borrower's own plan that went to a person: approve it, offer a plan close
to it, or decline it, each in one transaction. See docs/plans-and-hardship.md."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from repayment.events import tell_borrower
from repayment.locking import still_in
from repayment.plans.options import options_for

from ..models import (
    Frequency,
    Loan,
    Plan,
    PlanPolicy,
    Proposal,
    ProposalStatus,
    StaffDecision,
)
from ..money import ZERO, format_money, round_money
from . import decisions
from .budget import PERIODS_PER_YEAR
from .schedules import paying_each_time
from .situation import LoanSituation
from .terms import PlanTerms

# However far staff may go beyond the policy, a plan must catch up within this.
LONGEST_MONTHS = 60

# Limit codes, as the immediate decisions name them.
BELOW_MINIMUM = decisions.BELOW_MINIMUM
TOO_LONG = decisions.TOO_LONG
PLANS_LIMIT = decisions.PLANS_LIMIT
OVER_BUDGET = decisions.OVER_BUDGET


class ReviewError(Exception):
    pass


@dataclass(frozen=True)
class Limit:
    """A policy limit a plan goes beyond, in plain words for staff."""

    code: str
    text: str


@dataclass(frozen=True)
class Review:
    proposal: Proposal
    situation: LoanSituation
    policy: PlanPolicy
    segment: str
    plans_this_year: int
    affordable_each_time: Decimal
    # The borrower's own request as a schedule, without the website's length limit; None when
    # it cannot be one (``requested_problem`` says why: a start date passed, say).
    requested: PlanTerms | None
    breaches: tuple[Limit, ...]
    limits: tuple[tuple[str, str], ...]
    requested_problem: str = ""
    active_plan: Plan | None = None

    @property
    def today(self) -> date:
        return self.situation.today

    @property
    def latest_start(self) -> date:
        return self.situation.today + timedelta(days=self.policy.latest_start_days)


def review_of(proposal: Proposal, *, as_of: datetime | None = None) -> Review:
    """What staff need to answer ``proposal``: the loan today, the policy, and how the
    borrower's request measures against it."""
    loan = proposal.loan
    options = options_for(loan=loan, as_of=as_of)
    review = Review(
        proposal=proposal,
        situation=options.situation,
        policy=options.policy,
        segment=options.assessment.segment,
        plans_this_year=options.plans_this_year,
        affordable_each_time=decisions.affordable_each_time(
            proposal.budget.available, proposal.frequency, loan.currency
        ),
        requested=None,
        breaches=(),
        limits=(),
        active_plan=options.active_plan,
    )
    try:
        requested = terms_for(
            review,
            amount=proposal.amount,
            frequency=proposal.frequency,
            start=proposal.start_date,
        )
    except ReviewError as error:
        requested, problem = None, str(error)
    else:
        problem = ""
    return dataclasses.replace(
        review,
        requested=requested,
        requested_problem=problem,
        breaches=breaches_of(review, requested) if requested else (),
        limits=_limits(review),
    )


def terms_for(review: Review, *, amount: Decimal, frequency: str, start: date) -> PlanTerms:
    """A plan paying ``amount`` each time from ``start`` until the borrower has caught up.
    Refused when it could never be a plan; beyond the policy is ``breaches_of``'s business."""
    situation, policy = review.situation, review.policy
    if frequency not in PERIODS_PER_YEAR:
        raise ReviewError(_("Choose how often: weekly, every two weeks or monthly."))
    try:
        amount = Decimal(amount)
        whole = amount == round_money(amount, situation.currency)
    except (InvalidOperation, TypeError, ValueError):
        raise ReviewError(_("Enter an amount above zero.")) from None
    if not amount.is_finite() or amount <= ZERO:
        raise ReviewError(_("Enter an amount above zero."))
    if not whole:
        raise ReviewError(
            _("Use no more decimal places than %(currency)s has.")
            % {"currency": situation.currency}
        )
    if start < situation.today:
        raise ReviewError(_("The first payment cannot be before today."))
    if start > review.latest_start:
        raise ReviewError(
            _("The first payment can be no later than %(date)s.")
            % {"date": date_format(review.latest_start, "DATE_FORMAT")}
        )
    schedule = paying_each_time(
        amount=amount,
        frequency=frequency,
        start=start,
        overdue=situation.overdue,
        dues=situation.dues,
        minimum=policy.min_installment,
        limit=decisions.periods_within(LONGEST_MONTHS, frequency),
    )
    if not schedule:
        raise ReviewError(
            _("Nothing is overdue on this loan, so there is nothing for a plan to catch up on.")
        )
    if not decisions.caught_up(schedule, situation):
        raise ReviewError(
            _(
                "At this amount the plan would not catch up within %(months)d months. "
                "Choose a larger amount."
            )
            % {"months": LONGEST_MONTHS}
        )
    return decisions.own_plan_terms(schedule, frequency, situation)


def breaches_of(review: Review, terms: PlanTerms) -> tuple[Limit, ...]:
    """How ``terms`` go beyond the policy; empty when staff may agree them on their own."""
    policy = review.policy
    money = _money(review.situation.currency)
    found: list[Limit] = []
    if terms.smallest < policy.min_installment:
        found.append(
            Limit(
                BELOW_MINIMUM,
                _("A payment of %(amount)s is below the smallest payment, %(minimum)s.")
                % {"amount": money(terms.smallest), "minimum": money(policy.min_installment)},
            )
        )
    months = policy.auto_accept_max_months
    if terms.count > decisions.periods_within(months, terms.frequency):
        found.append(
            Limit(
                TOO_LONG,
                ngettext(
                    "The plan takes longer than %(months)d month, the longest plan "
                    "(%(count)d payments).",
                    "The plan takes longer than %(months)d months, the longest plan "
                    "(%(count)d payments).",
                    months,
                )
                % {"months": months, "count": terms.count},
            )
        )
    if review.plans_this_year >= policy.max_plans_per_year:
        found.append(
            Limit(
                PLANS_LIMIT,
                ngettext(
                    "This loan has had %(count)d plan in the last 12 months; the policy allows "
                    "%(max)d a year.",
                    "This loan has had %(count)d plans in the last 12 months; the policy allows "
                    "%(max)d a year.",
                    review.plans_this_year,
                )
                % {"count": review.plans_this_year, "max": policy.max_plans_per_year},
            )
        )
    affordable = _affordable(review, terms.frequency)
    if terms.largest > affordable:
        found.append(
            Limit(
                OVER_BUDGET,
                _(
                    "A payment of %(amount)s is more than the borrower's budget leaves each "
                    "time (%(affordable)s)."
                )
                % {"amount": money(terms.largest), "affordable": money(affordable)},
            )
        )
    return tuple(found)


def approve(
    *, proposal: Proposal, terms: PlanTerms, by, note: str = "", beyond_policy_allowed: bool
) -> Proposal:
    """Agree the plan; the borrower confirms it on the proposal page."""
    return _agree(proposal, terms, by, note, beyond_policy_allowed, StaffDecision.APPROVED)


def counter(
    *, proposal: Proposal, terms: PlanTerms, by, note: str = "", beyond_policy_allowed: bool
) -> Proposal:
    """Offer a plan close to the borrower's; they confirm it, or propose again."""
    return _agree(proposal, terms, by, note, beyond_policy_allowed, StaffDecision.COUNTERED)


def decline(*, proposal: Proposal, by, note: str) -> Proposal:
    """Say no, and why. The borrower's page and message point to what they can do instead."""
    note = (note or "").strip()
    if not note:
        raise ReviewError(
            _("Tell the borrower why, and what they could do instead: they read this note.")
        )
    with transaction.atomic():
        locked = _locked(proposal)
        _answer(locked, by=by, note=note, decision=StaffDecision.DECLINED)
        locked.status = ProposalStatus.DECLINED
        locked.save(update_fields=["status", *_ANSWER_FIELDS])
        _tell(locked, "proposal_declined", {"note": note})
    return locked


_ANSWER_FIELDS = ("staff_decision", "decided_by", "decided_at", "staff_note")


def _agree(proposal, terms, by, note, beyond_policy_allowed, decision) -> Proposal:
    note = (note or "").strip()
    with transaction.atomic():
        locked = _locked(proposal)
        review = review_of(locked)
        if review.active_plan is not None:
            raise ReviewError(
                _("This loan has a plan in place now, so it cannot take up another one.")
            )
        if not terms.installments or terms.first.due_date < review.today:
            raise ReviewError(_("The first payment cannot be before today."))
        if breaches_of(review, terms) and not beyond_policy_allowed:
            raise ReviewError(
                _("This plan goes beyond the policy's limits, so it needs a supervisor's sign-off.")
            )
        _answer(locked, by=by, note=note, decision=decision)
        locked.terms = terms.as_json()
        locked.status = (
            ProposalStatus.APPROVED
            if decision == StaffDecision.APPROVED
            else ProposalStatus.AWAITING_BORROWER
        )
        locked.save(update_fields=["status", "terms", *_ANSWER_FIELDS])
        event = "proposal_approved" if decision == StaffDecision.APPROVED else "proposal_countered"
        _tell(locked, event, {"amount": terms.first.amount, "due_date": terms.first.due_date})
    return locked


def _locked(proposal: Proposal) -> Proposal:
    return still_in(
        proposal,
        ProposalStatus.IN_REVIEW,
        refusal=ReviewError(_("This proposal has already been answered.")),
    )


def _answer(proposal: Proposal, *, by, note: str, decision: str) -> None:
    proposal.staff_decision = decision
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.staff_note = note


def _tell(proposal: Proposal, event: str, facts: dict) -> None:
    # A message about a staff answer links to the page that shows it.
    tell_borrower(
        loan=proposal.loan,
        event=event,
        about=f"proposal{proposal.pk}",
        facts=facts,
        page=("proposal_detail", proposal.pk),
    )


def confirmable_terms(proposal: Proposal, options) -> PlanTerms | None:
    """The terms the borrower may confirm now (the page's button, the API's accept): agreed at
    once, countered or approved by staff, no plan in place, and the first payment not passed.
    ``options`` is the loan's ``options.options_for``."""
    terms = PlanTerms.from_json(proposal.terms) if proposal.terms else None
    if (
        terms is not None
        and proposal.status in (ProposalStatus.AWAITING_BORROWER, ProposalStatus.APPROVED)
        and options.active_plan is None
        and terms.first.due_date >= options.statement.today
    ):
        return terms
    return None


def open_proposal(loan: Loan) -> Proposal | None:
    """The borrower's proposal still waiting on someone: staff, or the borrower's own
    confirmation."""
    return loan.proposals.filter(
        status__in=[
            ProposalStatus.IN_REVIEW,
            ProposalStatus.APPROVED,
            ProposalStatus.AWAITING_BORROWER,
        ]
    ).first()


def _affordable(review: Review, frequency: str) -> Decimal:
    if frequency == review.proposal.frequency:
        return review.affordable_each_time
    return decisions.affordable_each_time(
        review.proposal.budget.available, frequency, review.situation.currency
    )


def _money(currency: str):
    language = get_language() or "en"
    return lambda amount: format_money(amount, currency, language)


def _limits(review: Review) -> tuple[tuple[str, str], ...]:
    policy = review.policy
    money = _money(review.situation.currency)
    months = policy.auto_accept_max_months
    frequency = Frequency(review.proposal.frequency).label
    return (
        (_("Smallest payment"), money(policy.min_installment)),
        (
            _("Longest plan"),
            ngettext("%(months)d month", "%(months)d months", months) % {"months": months},
        ),
        (
            _("Plans a year"),
            _("%(max)d a year; %(used)d in the last 12 months")
            % {"max": policy.max_plans_per_year, "used": review.plans_this_year},
        ),
        (_("Latest first payment"), date_format(review.latest_start, "DATE_FORMAT")),
        (
            _("The borrower's budget leaves each time"),
            _("%(amount)s (%(frequency)s)")
            % {"amount": money(review.affordable_each_time), "frequency": str(frequency).lower()},
        ),
    )
