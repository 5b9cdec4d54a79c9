"""Demo staff, one per role, and work waiting in their queue: a plan proposal, a long pause
request and a question about a fee, each made through the same functions a borrower's own
request goes through. Used by ``manage.py load_demo``; never in production."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from repayment.demo import ADMIN_EMAIL, DEMO_PASSWORD
from repayment.hardship.disputes import open_dispute
from repayment.hardship.pauses import request_pause
from repayment.ledger.reading import local_today
from repayment.models import (
    Decision,
    EntryKind,
    Frequency,
    Loan,
    PauseReason,
    PlanStatus,
)
from repayment.plans.accepting import accept
from repayment.plans.decisions import Request
from repayment.plans.options import options_for
from repayment.plans.proposing import propose, save_budget
from repayment.servicing.product_terms import add_periods

from . import roles

STAFF = (
    ("agent@demo.example", roles.AGENTS, "support agent"),
    ("supervisor@demo.example", roles.SUPERVISORS, "support supervisor"),
    ("editor@demo.example", roles.EDITORS, "content editor"),
    ("compliance@demo.example", roles.REVIEWERS, "compliance reviewer"),
    (ADMIN_EMAIL, roles.ADMINISTRATORS, "administrator"),
)


def load_demo_staff() -> tuple[tuple[str, str], ...]:
    """The demo staff logins and their roles (made once). Each sets up an authenticator app on
    first sign-in, as real staff must."""
    User = get_user_model()
    for email, group, _role in STAFF:
        user = User.objects.filter(email=email).first()
        if user is None:
            # Django's admin flag for administrators only: the other roles' tools ask for
            # their permissions.
            user = User.objects.create_user(
                username=email,
                email=email,
                password=DEMO_PASSWORD,
                is_staff=group == roles.ADMINISTRATORS,
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(roles.group(group))
    return tuple((email, role) for email, _group, role in STAFF)


@transaction.atomic
def load_demo_queue(*, now: datetime | None = None) -> None:
    """Work for the demo staff, once: 陈静 (120 days behind, so a person reviews her own plan)
    proposes one; 李伟 asks for a pause longer than is granted at once; Maria questions a fee."""
    now = now or timezone.now()
    _proposal(Loan.objects.get(reference="HCF-219902"), now)
    _pause(Loan.objects.get(reference="HCF-220417"), now)
    _dispute(Loan.objects.get(reference="HCF-220388"))
    _plan(Loan.objects.get(reference="HCF-221050"), now)
    _granted_pause(Loan.objects.get(reference="EVD-100517"), now)


def _plan(loan: Loan, now: datetime) -> None:
    """王芳 took the first plan she was offered: the portal shows its payment, not arrears."""
    if loan.plans.exists():
        return
    options = options_for(loan=loan, as_of=now)
    code, terms = options.offers[0]
    accept(
        loan=loan,
        terms=terms,
        key=f"demo-{code}",
        segment=options.assessment.segment,
        today=local_today(now, loan.borrower.time_zone),
    )


def _granted_pause(loan: Loan, now: datetime) -> None:
    """Sam asked for three weeks; that is within what the lender grants at once."""
    if loan.pauses.exists():
        return
    request_pause(
        loan=loan,
        reason=PauseReason.INCOME_DROP,
        days=21,
        note="My hours were cut this month.",
        today=local_today(now, loan.borrower.time_zone),
    )


def _proposal(loan: Loan, now: datetime) -> None:
    if loan.proposals.exists() or loan.plans.filter(status=PlanStatus.ACTIVE).exists():
        return
    today = local_today(now, loan.borrower.time_zone)
    budget = save_budget(
        loan=loan,
        answers={
            "earnings": Decimal("9800.00"),
            "home": Decimal("2600.00"),
            "utilities": Decimal("400.00"),
            "transport": Decimal("300.00"),
            "food": Decimal("2200.00"),
            "communications": Decimal("150.00"),
        },
        period=Frequency.MONTHLY,
    )
    proposal = propose(
        loan=loan,
        budget=budget,
        request=Request(
            amount=Decimal("2000.00"),
            frequency=Frequency.MONTHLY,
            start=add_periods(today, Frequency.WEEKLY, 1),
        ),
        as_of=now,
    )
    if proposal.decision != Decision.REVIEW:
        raise RuntimeError(f"The demo proposal was meant for the review queue: {proposal.reasons}")


def _pause(loan: Loan, now: datetime) -> None:
    if loan.pauses.exists():
        return
    request_pause(
        loan=loan,
        reason=PauseReason.ILLNESS,
        days=45,
        note="I had an operation and cannot work for about six weeks.",
        today=local_today(now, loan.borrower.time_zone),
    )


def _dispute(loan: Loan) -> None:
    if loan.disputes.exists():
        return
    fee = loan.entries.filter(kind=EntryKind.FEE).order_by("effective_date").first()
    if fee is not None:
        open_dispute(
            loan=loan,
            entry=fee,
            message="I paid on the due date, so I don't think this late fee is right.",
        )
