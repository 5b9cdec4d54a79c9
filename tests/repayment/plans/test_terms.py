"""The extra interest a plan shows is the interest the loan would really charge for paying the
overdue amount later: on principal only, not on a flat-rate loan, and not after the loan's last
due date, when the loan charges no more interest."""

import dataclasses
import datetime as dt
from decimal import Decimal

from repayment.plans.schedules import Installment
from repayment.plans.situation import LoanSituation
from repayment.plans.terms import delay_interest

D = Decimal
TODAY = dt.date(2027, 1, 1)
REGULAR = D("500.00")
DUES = tuple(Installment(dt.date(2027, month, 1), REGULAR) for month in range(2, 8))

SITUATION = LoanSituation(
    today=TODAY,
    currency="CNY",
    frequency="monthly",
    regular_amount=REGULAR,
    overdue=D("1200.00"),
    balance=D("4200.00"),
    days_past_due=40,
    annual_rate_percent=D("18"),
    dues=DUES,
    interest_method="declining",
    day_count_basis="actual/365",
    last_due=DUES[-1].due_date,
)
# The overdue 1,200 in three equal parts on top of the next three regular payments.
SPREAD = tuple(Installment(item.due_date, item.amount + D("400.00")) for item in DUES[:3])


def extra(**changes):
    situation = dataclasses.replace(SITUATION, **changes)
    return delay_interest(overdue=situation.overdue, installments=SPREAD, situation=situation)


def test_paying_overdue_principal_later_costs_interest_on_it_until_each_part_is_paid():
    days = [(item.due_date - TODAY).days for item in SPREAD]  # 31, 59, 90
    expected = sum(D("400.00") * D("0.18") * day / 365 for day in days)
    assert extra() == expected.quantize(D("0.01"))


def test_a_flat_rate_loan_charges_no_more_interest_for_paying_later():
    assert extra(interest_method="flat") == 0


def test_no_interest_is_counted_after_the_loans_last_due_date():
    # The loan's schedule ended before the plan's second payment: interest stops there.
    ended = dt.date(2027, 2, 15)
    expected = D("400.00") * D("0.18") * (D(31) + D(45) + D(45)) / 365
    assert extra(last_due=ended) == expected.quantize(D("0.01"))
    assert extra(last_due=dt.date(2026, 12, 1)) == 0


def test_overdue_interest_and_fees_bear_no_interest_of_their_own():
    # The first 400 paid off clears the interest and fees owed: only the rest counts.
    days = [(item.due_date - TODAY).days for item in SPREAD[1:]]
    expected = sum(D("400.00") * D("0.18") * day / 365 for day in days)
    assert extra(interest_and_fees=D("400.00")) == expected.quantize(D("0.01"))
    assert extra(interest_and_fees=D("1200.00")) == 0


def test_the_products_day_count_is_used():
    assert extra(day_count_basis="actual/360") > extra()
