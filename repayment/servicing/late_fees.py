"""Late fees under a loan product's terms: the day a fee is charged and how much it is.

Servicing posts fees with these two functions and the statement's timeline predicts them with
the same two, so a borrower is never warned of a fee the ledger would not post."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from repayment.money import ZERO, round_money


def charges_fees(product) -> bool:
    return product.late_fee_fixed > ZERO or product.late_fee_percent > ZERO


def charge_day(due_on: date, *, grace_days: int) -> date:
    """The first day after the grace period: a payment due on ``due_on`` and still unpaid at
    the start of this day costs a fee."""
    return due_on + timedelta(days=grace_days + 1)


def fee_amount(*, product, installment_amount: Decimal, amount_due: Decimal) -> Decimal:
    """The fee for one missed installment: the fixed part, plus the percentage of the missed
    installment (or of what is due, if less: a part-paid installment costs less), capped."""
    overdue = min(installment_amount, amount_due)
    if overdue <= ZERO:
        return ZERO
    fee = product.late_fee_fixed + overdue * product.late_fee_percent / Decimal(100)
    if product.late_fee_cap is not None:
        fee = min(fee, product.late_fee_cap)
    return round_money(fee, product.currency)
