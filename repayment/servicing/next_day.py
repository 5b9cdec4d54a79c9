"""The first day on which servicing may have something to post for a loan, so that a daily run
reads only the loans whose day has come (``in_bulk.due_loans``) instead of every loan's ledger.

Early is harmless (servicing reads the loan, posts nothing, and works the day out again); late
would leave an installment or a fee unposted, so every doubt points to the earlier day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from repayment.ledger.replay import Line
from repayment.models import Loan
from repayment.money import ZERO
from repayment.servicing import late_fees
from repayment.servicing import product_terms as terms
from repayment.servicing.freeze_windows import Freeze
from repayment.servicing.postings import (
    installment_external_id,
    interest_external_id,
    late_fee_external_id,
    plan_postings,
)


def next_service_day(
    *, loan: Loan, lines: list[Line], today: date, freezes: Sequence[Freeze] = ()
) -> date | None:
    """``today`` if servicing would post something now, else ``later_service_day``. Pure, like
    ``plan_postings``, whose decisions for days up to ``today`` it reuses."""
    if plan_postings(loan=loan, lines=lines, today=today, freezes=freezes):
        return today
    return later_service_day(loan=loan, lines=lines, today=today)


def later_service_day(*, loan: Loan, lines: list[Line], today: date) -> date | None:
    """For a loan servicing has nothing to post for today: the first later day an installment,
    its interest or its late fee has not been posted yet; None when nothing is left to post.
    Until that day what servicing decides cannot change unless something is written, and
    every write works the day out again."""
    product = loan.product
    existing = {line.external_id for line in lines}
    dates = terms.due_dates(
        loan.first_due_date, product.installment_frequency, loan.installment_count
    )
    fees = late_fees.charges_fees(product)
    days: list[date] = []
    for number, due_on in enumerate(dates, start=1):
        if days and due_on >= min(days):
            break  # a later installment and its fee come later still
        if due_on > today and (
            installment_external_id(number) not in existing
            or (
                interest_external_id(number) not in existing and product.annual_interest_rate > ZERO
            )
        ):
            days.append(due_on)
        fee_on = late_fees.charge_day(due_on, grace_days=product.grace_days)
        if fees and fee_on > today and late_fee_external_id(number) not in existing:
            days.append(fee_on)
    return min(days) if days else None
