"""Which payment methods a loan shows, and what its position asks the borrower to pay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from repayment import position as pos
from repayment.models import PaymentMethod, PaymentMethodKind
from repayment.paying.links import payment_link
from repayment.position import Position


@dataclass(frozen=True, slots=True)
class ShownMethod:
    """One way to pay, filled in for one loan and language: what a page or a message shows."""

    kind: str
    account_name: str
    account_number: str
    bank: str
    link: str
    instructions: str

    @property
    def label(self) -> str:
        return PaymentMethodKind(self.kind).label


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


class MethodBook:
    """Every active payment method, read once (a run of messages asks for many loans'), and
    answering ``methods_for``'s question from memory."""

    def __init__(self):
        self._products: dict[int, list[PaymentMethod]] = {}
        self._lenders: dict[int, list[PaymentMethod]] = {}
        for method in PaymentMethod.objects.filter(active=True).order_by("order", "id"):
            if method.product_id is not None:
                self._products.setdefault(method.product_id, []).append(method)
            else:
                self._lenders.setdefault(method.lender_id, []).append(method)

    def methods_for(self, *, product_id: int, lender_id: int) -> list[PaymentMethod]:
        return self._products.get(product_id) or self._lenders.get(lender_id, [])


def shown_methods(
    methods: list[PaymentMethod], *, language: str, reference: str, amount: Decimal | None
) -> list[ShownMethod]:
    """``methods`` as the borrower reads them: in ``language``, with the payment page address
    filled in with their payment reference and the amount asked for."""
    return [
        ShownMethod(
            kind=method.kind,
            account_name=method.account_name,
            account_number=method.account_number,
            bank=method.bank_in(language),
            link=payment_link(method.link_template, reference=reference, amount=amount)
            if method.link_template
            else "",
            instructions=method.instructions_in(language),
        )
        for method in methods
    ]
