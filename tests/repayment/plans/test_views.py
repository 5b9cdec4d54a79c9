"""The borrower's plan pages: budget, proposal, answer, confirmation, plan; bad input changes
nothing and says what is wrong in the borrower's language."""

import datetime as dt
import re

import pytest

from repayment.models import Budget, Plan, Proposal
from tests.repayment.plan_fixtures import BUDGET, late_loan, today_in, url

pytestmark = pytest.mark.django_db


def propose(client, loan, amount, start=None):
    response = client.post(url("plan_budget", loan), BUDGET)
    start = start or today_in() + dt.timedelta(days=5)
    return client.post(
        response.url, {"amount": amount, "frequency": "monthly", "start": start.isoformat()}
    )


def test_the_statement_leads_a_late_borrower_to_their_options(client, loan):
    html = client.get(url("loan_statement", loan)).content.decode()
    assert url("loan_help", loan) in html
    help_page = client.get(url("loan_help", loan)).content.decode()
    assert "Propose my own plan" in help_page
    assert "Free, independent debt advice" in help_page
    assert re.search(r"offers/spread-\d+/", help_page)
    # What happens if a plan payment is missed, and what the borrower can do, from the policy.
    assert "more than 3 days late" in help_page
    assert "move one payment by up to 14 days yourself" in help_page


def test_an_over_budget_proposal_is_countered_then_confirmed_once(client, loan):
    response = propose(client, loan, "1500")
    proposal = Proposal.objects.get()
    assert response.url == url("proposal_detail", loan, proposal.pk)
    page = client.get(response.url).content.decode()
    assert "We can agree a plan close to yours" in page
    assert "about CN¥700.00 left each time" in page
    key = re.search(r'name="key" value="([0-9a-f]{32})"', page).group(1)
    for _ in range(2):  # a double click
        done = client.post(response.url, {"key": key, "agree": "on"})
        assert done.url == url("loan_plan", loan)
    plan = Plan.objects.get()
    assert plan.proposal == proposal and plan.installments.first().amount <= 700
    plan_page = client.get(url("loan_plan", loan)).content.decode()
    assert f"Paid 0 of {plan.installments.count()}" in plan_page
    statement = client.get(url("loan_statement", loan)).content.decode()
    assert "Your plan" in statement and "<progress" in statement


def test_confirming_needs_the_box_ticked(client, loan):
    response = propose(client, loan, "700")
    page = client.get(response.url).content.decode()
    assert "Yes, we can agree your plan" in page
    key = re.search(r'name="key" value="([0-9a-f]{32})"', page).group(1)
    again = client.post(response.url, {"key": key})
    assert again.status_code == 200
    assert "Tick the box to confirm" in again.content.decode()
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount", "0", "greater than or equal to 0.01"),
        ("amount", "-5", "greater than or equal to 0.01"),
        ("amount", "abc", "Enter a number"),
        ("amount", "99999999", "more than the whole balance"),
        ("start", "2001-01-01", "can&#x27;t be in the past"),
        ("start", "2099-01-01", "on or before"),
        ("frequency", "daily", "Select a valid choice"),
    ],
)
def test_bad_proposals_change_nothing_and_say_why(client, loan, field, value, message):
    client.post(url("plan_budget", loan), BUDGET)
    budget = Budget.objects.get()
    data = {
        "amount": "700",
        "frequency": "monthly",
        "start": (today_in() + dt.timedelta(days=3)).isoformat(),
        field: value,
    }
    response = client.post(url("plan_propose", loan) + f"?budget={budget.pk}", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Proposal.objects.exists() and not Plan.objects.exists()


def test_a_budget_with_negative_or_no_income_changes_nothing(client, loan):
    response = client.post(url("plan_budget", loan), {**BUDGET, "food": "-1"})
    assert response.status_code == 200
    response = client.post(url("plan_budget", loan), {"period": "monthly", "home": "500"})
    assert "Enter the money that comes in" in response.content.decode()
    assert not Budget.objects.exists()


def test_the_pages_speak_chinese(client, loan):
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()
    page = client.get(url("loan_help", loan).replace("/en/", "/zh-hans/")).content.decode()
    assert 'lang="zh-hans"' in page
    assert "Propose my own plan" not in page


def test_another_borrowers_budget_cannot_be_used(client, loan):
    other = late_loan()
    stranger_budget = Budget.objects.create(
        loan=other, answers={}, income=1, spending=0, other_debts=0, available=1
    )
    response = client.get(url("plan_propose", loan) + f"?budget={stranger_budget.pk}")
    assert response.url == url("plan_budget", loan)
