"""The plans borrowers agreed on a lender's loans, oldest first, read from a cursor.

The order is the plan's id, which only grows. A plan becomes visible when the transaction that
made it commits, and two transactions can commit out of id order, so the feed holds back the
plans made in the last ``SETTLE``: by the time a plan is served, every plan with a smaller id
has been committed or rolled back, and a client that resumes from its last cursor sees each
plan exactly once. A plan's status is the one it has when read; later changes (completed,
broken) reach the lender by webhook.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from repayment.models import Lender, Plan
from repayment.money import round_money

SETTLE = timedelta(seconds=10)
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
_CURSOR_VERSION = "p1"


class InvalidCursor(ValueError):
    pass


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


@dataclass(frozen=True, slots=True)
class FeedPage:
    plans: tuple[FeedPlan, ...]
    next_cursor: str
    has_more: bool


def encode_cursor(after_id: int) -> str:
    raw = f"{_CURSOR_VERSION}:{after_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The last plan id the client has seen. Opaque to the client, so its form may change."""
    invalid = InvalidCursor(_("not a cursor this API gave out; start without one"))
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise invalid from None
    version, _sep, number = raw.partition(":")
    if version != _CURSOR_VERSION or not number.isascii() or not number.isdigit():
        raise invalid
    return int(number)


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
) -> FeedPage:
    """Up to ``limit`` plans on ``lender``'s loans after plan ``after_id``: three queries."""
    after = Plan.objects.filter(loan__product__lender=lender, pk__gt=after_id)
    # Served in id order up to the first plan still settling, even if a later one has settled
    # (its clock read came first): the cursor must never pass a plan it has not served.
    settling = (
        after.filter(accepted_at__gt=now - SETTLE).order_by("pk").values_list("pk", flat=True)
    ).first()
    if settling is not None:
        after = after.filter(pk__lt=settling)
    rows = list(
        after.select_related("loan__product")
        .prefetch_related("installments")
        .order_by("pk")[: limit + 1]
    )
    plans = tuple(_feed_plan(plan) for plan in rows[:limit])
    last = plans[-1].id if plans else after_id
    return FeedPage(plans=plans, next_cursor=encode_cursor(last), has_more=len(rows) > limit)
