"""The plans borrowers agreed on a lender's loans, oldest first, read from a cursor
(``cursor_feed``: each plan once, about ``SETTLE`` after it was agreed). A plan's status is the
one it has when read; later changes (completed, broken) reach the lender by webhook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from repayment.models import Lender, Plan
from repayment.money import round_money

from .cursor_feed import DEFAULT_LIMIT, CursorFeed, Page

# "p1" is in every plans cursor given out since the feed began.
PLANS = CursorFeed(tag="p1", made_at="accepted_at")


@dataclass(frozen=True, slots=True)
class FeedInstallment:
    number: int
    date: date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class FeedPlan:
    id: int
    loan_external_id: str
    loan_reference: str
    currency: str
    kind: str
    status: str
    frequency: str
    total: Decimal
    discount: Decimal
    covers_overdue: Decimal
    accepted_at: datetime
    starts_on: date
    ended_on: date | None
    installments: tuple[FeedInstallment, ...]


def _feed_plan(plan: Plan) -> FeedPlan:
    currency = plan.loan.product.currency
    return FeedPlan(
        id=plan.pk,
        loan_external_id=plan.loan.external_id,
        loan_reference=plan.loan.reference,
        currency=currency,
        kind=plan.kind,
        status=plan.status,
        frequency=plan.frequency,
        total=round_money(plan.total, currency),
        discount=round_money(plan.discount, currency),
        covers_overdue=round_money(plan.covers_overdue, currency),
        accepted_at=plan.accepted_at,
        starts_on=plan.starts_on,
        ended_on=plan.ended_on,
        installments=tuple(
            FeedInstallment(
                number=item.number, date=item.due_date, amount=round_money(item.amount, currency)
            )
            for item in plan.installments.all()
        ),
    )


def plans_since(
    *, lender: Lender, after_id: int, limit: int = DEFAULT_LIMIT, now: datetime
) -> Page[FeedPlan]:
    """Up to ``limit`` plans on ``lender``'s loans after plan ``after_id``: three queries."""
    rows = (
        Plan.objects.filter(loan__product__lender=lender)
        .select_related("loan__product")
        .prefetch_related("installments")
    )
    return PLANS.page(rows, after_id=after_id, limit=limit, now=now, describe=_feed_plan)
