"""Offers are named so that two of a kind can be told apart, in the plan's own periods."""

import datetime as dt
from decimal import Decimal

import pytest

from repayment.plans.schedules import Installment
from repayment.plans.terms import PlanTerms
from repayment.plans.wording import offer_name


def terms(kind, frequency, count):
    return PlanTerms(
        kind=kind,
        frequency=frequency,
        installments=tuple(
            Installment(dt.date(2027, 1, 1) + dt.timedelta(days=7 * n), Decimal("100.00"))
            for n in range(count)
        ),
        covers_overdue=Decimal("300.00"),
    )


@pytest.mark.parametrize(
    ("kind", "frequency", "count", "name"),
    [
        ("spread", "monthly", 3, "Spread the overdue amount over 3 months"),
        ("spread", "monthly", 6, "Spread the overdue amount over 6 months"),
        ("spread", "weekly", 1, "Spread the overdue amount over 1 week"),
        ("spread", "fortnightly", 3, "Spread the overdue amount over 6 weeks"),
        ("reduced", "monthly", 2, "Smaller payments for 2 months"),
        ("holiday", "monthly", 3, "Payment holiday, then catch up over 3 months"),
        ("settle", "monthly", 1, "Settle in full with a discount"),
    ],
)
def test_an_offer_is_named_by_its_kind_and_length(kind, frequency, count, name):
    assert offer_name(terms(kind, frequency, count)) == name
