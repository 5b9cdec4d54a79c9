"""Offers for a loan, accepting one, and my plans with their schedule and progress."""

import pytest

from repayment.models import LenderEvent, Plan, PlanPolicy
from repayment.plans.options import options_for
from tests.repayment.plan_fixtures import pay

from .conftest import loan_url, post

pytestmark = pytest.mark.django_db


def test_offers_are_the_help_pages_offers(api, loan):
    options = options_for(loan=loan)

    body = api.get(loan_url(loan, "offers/")).json()

    assert [offer["code"] for offer in body["offers"]] == [code for code, _ in options.offers]
    terms = options.offers[0][1]
    first = body["offers"][0]["terms"]
    assert first["kind"] == terms.kind and first["kind_label"] == "Spread the overdue amount"
    assert first["installments"] == [
        {"due_date": item.due_date.isoformat(), "amount": str(item.amount)}
        for item in terms.installments
    ]
    assert first["total"] == str(terms.total) and first["covers_overdue"] == "1100.00"
    assert first["discount"] == "0.00"
    assert body["unavailable"] is None and body["can_propose"] is True
    assert body["amount_due"] == "1100.00"


def test_accepting_an_offer_creates_exactly_one_plan(api, loan):
    code = api.get(loan_url(loan, "offers/")).json()["offers"][0]["code"]

    response = post(api, loan_url(loan, f"offers/{code}/accept/"))

    assert response.status_code == 201
    plan = Plan.objects.get()
    assert plan.loan == loan and plan.status == "active"
    body = response.json()
    assert body["id"] == plan.pk and body["reference"] == loan.reference
    assert body["progress"]["count"] == plan.installments.count()
    assert body["progress"]["next_payment"]["state"] == "due"
    # The lender hears of it through the outbox, as when the page accepts.
    assert LenderEvent.objects.filter(topic="plan.accepted").count() == 1


def test_with_a_plan_in_place_there_are_no_offers_and_accepting_another_is_refused(api, loan):
    code = api.get(loan_url(loan, "offers/")).json()["offers"][0]["code"]
    plan_id = post(api, loan_url(loan, f"offers/{code}/accept/")).json()["id"]

    body = api.get(loan_url(loan, "offers/")).json()
    again = post(api, loan_url(loan, f"offers/{code}/accept/"))

    assert body["offers"] == [] and body["active_plan"] == plan_id
    assert body["unavailable"]["code"] == "active_plan"
    assert body["can_propose"] is False
    assert again.status_code == 409 and again.json()["code"] == "active_plan"
    assert Plan.objects.count() == 1


def test_an_offer_that_is_not_on_the_table_today_is_404(api, loan):
    response = post(api, loan_url(loan, "offers/settle-1/accept/"))

    assert response.status_code == 404
    assert response.json()["code"] == "offer_unavailable"
    assert not Plan.objects.exists()


def test_a_loan_at_its_plan_limit_says_why_there_are_no_offers(api, loan):
    PlanPolicy.objects.create(product=loan.product, max_plans_per_year=1)
    code = api.get(loan_url(loan, "offers/")).json()["offers"][0]["code"]
    Plan.objects.filter(pk=post(api, loan_url(loan, f"offers/{code}/accept/")).json()["id"]).update(
        status="broken"
    )

    body = api.get(loan_url(loan, "offers/")).json()

    assert body["offers"] == []
    assert body["unavailable"]["code"] == "plan_limit"
    assert "a person will look at it with you" in body["unavailable"]["message"]


def test_a_loan_no_offer_fits_says_what_else_there_is(api, loan):
    PlanPolicy.objects.create(
        product=loan.product,
        spread_enabled=False,
        holiday_enabled=False,
        reduced_enabled=False,
        settle_enabled=False,
    )

    body = api.get(loan_url(loan, "offers/")).json()

    assert body["offers"] == [] and body["unavailable"]["code"] == "none_fits"
    assert "propose your own plan" in body["unavailable"]["message"]


def test_my_plans_show_their_schedule_and_how_they_stand(api, loan):
    code = api.get(loan_url(loan, "offers/")).json()["offers"][0]["code"]
    post(api, loan_url(loan, f"offers/{code}/accept/"))
    plan = Plan.objects.get()
    first = plan.installments.first()
    pay(loan, str(first.amount))

    [body] = api.get("/api/v1/plans/").json()

    assert body["id"] == plan.pk and body["status"] == "active"
    assert body["status_label"] == "On track"
    assert body["total"] == str(plan.total)
    progress = body["progress"]
    assert progress["paid_count"] == 1 and progress["paid_total"] == str(first.amount)
    assert progress["installments"][0] == {
        "number": 1,
        "due_date": first.due_date.isoformat(),
        "amount": str(first.amount),
        "paid": str(first.amount),
        "left": "0.00",
        "state": "paid",
    }
    assert progress["next_payment"]["number"] == 2


def test_offers_of_one_kind_have_names_that_say_how_they_differ(api, loan):
    body = api.get(loan_url(loan, "offers/")).json()

    names = [offer["name"] for offer in body["offers"] if offer["terms"]["kind"] == "spread"]
    assert names == [
        "Spread the overdue amount over 3 months",
        "Spread the overdue amount over 6 months",
    ]
