"""What a borrower can arrange for one of their loans today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from repayment.ledger.reading import ledger_lines
from repayment.models import Loan, Pause, PauseStatus, Plan, PlanPolicy, PlanStatus
from repayment.plans import segments
from repayment.plans.offers import offer_code, offers_for
from repayment.plans.policy import policy_for
from repayment.plans.situation import LoanSituation, situation_of
from repayment.plans.terms import PlanTerms
from repayment.statements.build import Statement
from repayment.statements.cache import statement_for


@dataclass(frozen=True, slots=True)
class Options:
    statement: Statement
    situation: LoanSituation
    policy: PlanPolicy
    assessment: segments.Assessment
    offers: tuple[tuple[str, PlanTerms], ...]
    active_plan: Plan | None
    plans_this_year: int
    pause: Pause | None

    @property
    def at_plan_limit(self) -> bool:
        return self.plans_this_year >= self.policy.max_plans_per_year

    @property
    def paid_off(self) -> bool:
        """Nothing is owed: no plan, pause or hardship option applies."""
        return self.statement.position.owes_nothing

    @property
    def can_ask_pause(self) -> bool:
        """A pause can be asked for: something is owed and no pause is asked for or running.
        The help page, a proposal's page and the help box offer one on this alone."""
        return not self.paid_off and self.pause is None

    def offer(self, code: str) -> PlanTerms | None:
        return dict(self.offers).get(code)


def plans_since(loan: Loan, day: date) -> int:
    return loan.plans.filter(starts_on__gt=day).exclude(status=PlanStatus.CANCELLED).count()


def assess(*, loan: Loan, statement: Statement) -> segments.Assessment:
    year_ago = statement.today - segments.YEAR
    features = segments.features_of(
        ledger_lines(loan=loan, until=statement.today),
        today=statement.today,
        days_past_due=statement.days_past_due,
        grace_days=loan.product.grace_days,
        broken_plans_last_year=loan.plans.filter(
            status=PlanStatus.BROKEN, ended_on__gt=year_ago
        ).count(),
    )
    return segments.segmenter().segment(features)


def current_pause(loan: Loan, today: date) -> Pause | None:
    return (
        loan.pauses.filter(status__in=[PauseStatus.GRANTED, PauseStatus.REQUESTED])
        .filter(ends_on__gte=today)
        .order_by("starts_on")
        .first()
    )


def options_for(*, loan: Loan, as_of: datetime | None = None) -> Options:
    statement = statement_for(loan=loan, as_of=as_of or timezone.now())
    situation = situation_of(loan=loan, statement=statement)
    policy = policy_for(loan.product)
    assessment = assess(loan=loan, statement=statement)
    active = loan.plans.filter(status=PlanStatus.ACTIVE).first()
    used = plans_since(loan, statement.today - timedelta(days=365))
    offers: tuple[tuple[str, PlanTerms], ...] = ()
    if active is None and used < policy.max_plans_per_year and not statement.position.owes_nothing:
        offers = tuple(
            (offer_code(terms), terms)
            for terms in offers_for(situation=situation, policy=policy, segment=assessment.segment)
        )
    return Options(
        statement=statement,
        situation=situation,
        policy=policy,
        assessment=assessment,
        offers=offers,
        active_plan=active,
        plans_this_year=used,
        pause=current_pause(loan, statement.today),
    )
