"""Which payment methods a loan shows, and what its position asks the borrower to pay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from repayment import position as pos
from repayment.models import PaymentMethod
from repayment.position import Position


@dataclass(frozen=True, slots=True)
class PayRequest:
    amount: Decimal
    date: date  # the position's today when the amount is due now
    due_now: bool


def pay_request(position: Position) -> PayRequest | None:
    """What to pay, from the position (docs/position.md): what is due now, or else the next
    payment. Nothing for a loan paid off or in credit, nor during a pause, when nothing is
    asked of the borrower."""
    if position.owes_nothing or position.status == pos.PAUSED:
        return None
    if position.amount_due > 0:
        return PayRequest(amount=position.amount_due, date=position.today, due_now=True)
    upcoming = position.next_payment
    if upcoming is not None and upcoming.amount > 0:
        return PayRequest(amount=upcoming.amount, date=upcoming.date, due_now=False)
    return None


def methods_for(*, product_id: int, lender_id: int) -> list[PaymentMethod]:
    """The product's own active methods if it has any, otherwise its lender's general ones."""
    active = PaymentMethod.objects.filter(active=True).order_by("order", "id")
    own = list(active.filter(product_id=product_id))
    if own:
        return own
    return list(active.filter(lender_id=lender_id, product__isnull=True))
