"""Offers fit the loan's situation and the lender's policy; risk segments give reasons."""

import pytest

from repayment.models import PlanPolicy, Segment
from repayment.plans.options import options_for
from tests.repayment.plan_fixtures import D, late_loan

pytestmark = pytest.mark.django_db


def test_a_borrower_45_days_late_is_offered_spreads_that_clear_the_arrears():
    loan = late_loan(late_days=45)
    options = options_for(loan=loan)
    assert options.assessment.segment == Segment.ARREARS
    assert any("45 days overdue" in str(reason) for reason in options.assessment.reasons)
    kinds = {terms.kind for _, terms in options.offers}
    assert "spread" in kinds
    assert "settle" not in kinds  # only for the seriously behind, by default
    for _code, terms in options.offers:
        assert terms.smallest >= options.policy.min_installment
        if terms.kind == "spread":
            extra = terms.total - sum(d.amount for d in options.situation.dues[: terms.count])
            assert extra == options.situation.overdue == D("1100.00")


def test_missed_payments_are_counted_for_the_segment():
    loan = late_loan(late_days=45)
    options = options_for(loan=loan)
    missed = [r for r in options.assessment.reasons if r.code == "missed"]
    assert missed and missed[0].count == 2


def test_seriously_late_loans_get_a_settlement_and_the_policy_can_switch_it_off():
    loan = late_loan(paid=1, late_days=120)
    options = options_for(loan=loan)
    assert options.assessment.segment == Segment.SERIOUS_ARREARS
    settle = [t for _, t in options.offers if t.kind == "settle"]
    assert settle and settle[0].discount == (options.situation.balance * D("0.10")).quantize(
        D("0.01")
    )
    assert settle[0].total + settle[0].discount == options.situation.balance

    PlanPolicy.objects.create(product=loan.product, settle_enabled=False)
    loan.product.refresh_from_db()
    assert "settle" not in {t.kind for _, t in options_for(loan=loan).offers}


def test_an_up_to_date_borrower_is_offered_a_payment_holiday_not_a_spread():
    loan = late_loan(paid=5, late_days=0)
    options = options_for(loan=loan)
    assert options.assessment.segment == Segment.ON_TRACK
    assert {t.kind for _, t in options.offers} == {"holiday"}


def test_staff_see_the_segment_and_its_reasons_on_the_loan():
    from django.contrib import admin

    from repayment.models import Loan

    loan = late_loan(late_days=45)
    shown = admin.site._registry[Loan].risk_segment(loan)
    assert "Behind (31–90 days)" in shown
    assert "45 days overdue" in shown
