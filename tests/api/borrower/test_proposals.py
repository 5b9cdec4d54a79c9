"""A borrower's own plan: the income-and-expenditure answers and the proposal, checked as the
web form checks them, answered at once, and confirmed into one plan."""

import datetime as dt

import pytest

from repayment.models import Budget, Plan, PlanPolicy, Proposal
from repayment.plans import reviewing
from repayment.plans.terms import PlanTerms
from tests.repayment.plan_fixtures import BUDGET, today_in

from .conftest import loan_url, post

pytestmark = pytest.mark.django_db


def propose(api, loan, amount="700", **changes):
    body = {
        "budget": BUDGET,
        "amount": amount,
        "frequency": "monthly",
        "start": (today_in() + dt.timedelta(days=5)).isoformat(),
        **changes,
    }
    return post(api, loan_url(loan, "proposals/"), body)


def test_an_affordable_proposal_is_accepted_at_once_and_confirmed_into_one_plan(api, loan):
    response = propose(api, loan, "700")

    assert response.status_code == 201
    body = response.json()
    proposal = Proposal.objects.get()
    assert body["id"] == proposal.pk
    assert body["decision"] == "accepted" and body["status"] == "awaiting_borrower"
    assert body["can_accept"] is True and body["plan"] is None
    assert body["terms"]["installments"][0]["amount"] == "700.00"
    assert body["reasons"] and "within what we can agree" in body["reasons"][0]
    assert Budget.objects.get().available == 700

    confirmed = post(api, loan_url(loan, f"proposals/{proposal.pk}/accept/"))

    assert confirmed.status_code == 201
    plan = Plan.objects.get()
    assert plan.proposal == proposal and confirmed.json()["id"] == plan.pk
    after = api.get(loan_url(loan, f"proposals/{proposal.pk}/")).json()
    assert after["status"] == "taken_up" and after["plan"] == plan.pk
    assert after["can_accept"] is False


def test_an_over_budget_proposal_is_countered_with_what_the_budget_affords(api, loan):
    body = propose(api, loan, "1500").json()

    assert body["decision"] == "countered" and body["can_accept"] is True
    assert "about CN¥700.00 left each time" in " ".join(body["reasons"])
    assert all(float(item["amount"]) <= 700 for item in body["terms"]["installments"])


def test_a_proposal_outside_what_the_website_may_agree_goes_to_a_person(api, loan):
    PlanPolicy.objects.create(product=loan.product, auto_accept_segments=[])

    body = propose(api, loan).json()

    assert body["decision"] == "review" and body["status"] == "in_review"
    assert body["terms"] is None and body["can_accept"] is False
    assert body["review_due_at"] is not None
    refused = post(api, loan_url(loan, f"proposals/{body['id']}/accept/"))
    assert refused.status_code == 409 and refused.json()["code"] == "not_confirmable"
    assert not Plan.objects.exists()


def test_a_plan_staff_approved_can_be_accepted(api, loan, agent):
    PlanPolicy.objects.create(product=loan.product, auto_accept_segments=[])
    proposal = Proposal.objects.get(pk=propose(api, loan).json()["id"])
    review = reviewing.review_of(proposal)
    reviewing.approve(
        proposal=proposal, terms=review.requested, by=agent, beyond_policy_allowed=True
    )

    body = api.get(loan_url(loan, f"proposals/{proposal.pk}/")).json()
    accepted = post(api, loan_url(loan, f"proposals/{proposal.pk}/accept/"))

    assert body["status"] == "approved" and body["staff_decision"] == "approved"
    assert body["can_accept"] is True
    assert accepted.status_code == 201
    assert Plan.objects.get().proposal == proposal


def test_a_staff_counter_offer_can_be_accepted(api, loan, agent):
    PlanPolicy.objects.create(product=loan.product, auto_accept_segments=[])
    proposal = Proposal.objects.get(pk=propose(api, loan).json()["id"])
    review = reviewing.review_of(proposal)
    smaller = reviewing.terms_for(
        review, amount="600", frequency="monthly", start=proposal.start_date
    )
    reviewing.counter(proposal=proposal, terms=smaller, by=agent, beyond_policy_allowed=True)

    accepted = post(api, loan_url(loan, f"proposals/{proposal.pk}/accept/"))

    assert accepted.status_code == 201
    plan = Plan.objects.get()
    assert plan.total == PlanTerms.from_json(Proposal.objects.get().terms).total


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": "0"}, "amount", "Enter an amount of at least CN¥0.01."),
        ({"amount": "abc"}, "amount", "Enter an amount like CN¥550.50."),
        ({"amount": "99999999"}, "amount", "more than the whole balance"),
        ({"start": "2001-01-01"}, "start", "can't be in the past"),
        ({"start": "2099-01-01"}, "start", "on or before"),
        ({"frequency": "daily"}, "frequency", "Choose how often you will pay."),
        ({"amount": None}, "amount", "Enter an amount like CN¥550.50."),
    ],
)
def test_bad_proposals_name_the_field_and_change_nothing(api, loan, changes, field, message):
    response = propose(api, loan, **changes)

    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert not Proposal.objects.exists() and not Budget.objects.exists()


@pytest.mark.parametrize(
    ("budget", "field", "message"),
    [
        ({**BUDGET, "food": "-1"}, "food", "Enter an amount of at least CN¥0.00."),
        ({"period": "monthly", "home": "500"}, "non_field_errors", "Enter the money that comes in"),
        ({**BUDGET, "period": "yearly"}, "period", "Choose whether these amounts are for a week"),
    ],
)
def test_bad_budgets_name_the_field_and_change_nothing(api, loan, budget, field, message):
    response = propose(api, loan, budget=budget)

    assert response.status_code == 400
    assert message in response.json()["budget"][field][0]
    assert not Proposal.objects.exists() and not Budget.objects.exists()


def test_a_budget_that_is_not_an_object_is_refused(api, loan):
    response = propose(api, loan, budget="2400")

    assert response.status_code == 400
    assert "budget" in response.json()
    assert not Budget.objects.exists()


def test_no_proposal_while_a_plan_is_in_place(api, loan):
    code = api.get(loan_url(loan, "offers/")).json()["offers"][0]["code"]
    post(api, loan_url(loan, f"offers/{code}/accept/"))

    response = propose(api, loan)

    assert response.status_code == 409 and response.json()["code"] == "active_plan"
    assert not Proposal.objects.exists() and not Budget.objects.exists()


def test_a_second_proposal_while_a_person_looks_at_the_first_is_409_naming_it(api, loan):
    PlanPolicy.objects.create(product=loan.product, auto_accept_segments=[])
    first = propose(api, loan).json()

    response = propose(api, loan, "600")

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "proposal_open" and body["proposal"] == first["id"]
    assert f"(proposal {first['id']})" in body["detail"]
    assert "You can propose a different plan once we have answered it" in body["detail"]
    assert Proposal.objects.count() == 1 and Budget.objects.count() == 1
    assert api.get(loan_url(loan, "offers/")).json()["can_propose"] is False


def test_a_new_proposal_replaces_one_still_waiting_for_the_borrowers_confirmation(api, loan):
    first = propose(api, loan).json()
    assert first["status"] == "awaiting_borrower"

    second = propose(api, loan, "650")

    assert second.status_code == 201
    assert api.get(loan_url(loan, f"proposals/{first['id']}/")).json()["status"] == "lapsed"
