"""The borrower's plan pages: budget, proposal, answer, confirmation, plan; bad input changes
nothing and says what is wrong in the borrower's language."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from repayment.models import Budget, Plan, Proposal

from .plan_fixtures import BUDGET, late_loan, today_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def loan(client):
    loan = late_loan()
    client.force_login(loan.borrower.user)
    return loan


def url(name, loan, *extra):
    return reverse(name, args=[loan.reference, *extra])


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


def test_a_pause_request_from_the_page(client, loan):
    response = client.post(url("loan_pause", loan), {"reason": "illness", "days": "20", "note": ""})
    assert response.url == url("loan_help", loan)
    assert loan.pauses.get().status == "granted"
    too_long = client.post(url("loan_pause", loan), {"reason": "illness", "days": "500"})
    assert too_long.status_code == 200 and loan.pauses.count() == 1


def test_a_dispute_from_the_statement(client, loan):
    entry = loan.entries.filter(kind="installment_due").first()
    statement = client.get(url("loan_statement", loan)).content.decode()
    assert f"?entry={entry.pk}" in statement
    response = client.post(
        url("loan_dispute", loan), {"entry": entry.pk, "message": "I paid this at the branch."}
    )
    assert response.url == url("loan_statement", loan)
    assert loan.disputes.get().entry == entry


def test_the_cached_transaction_list_shows_a_new_payment_at_once(client, loan):
    from .plan_fixtures import pay

    first = client.get(url("loan_statement", loan)).content.decode()
    assert "CN¥123.45" not in first
    pay(loan, "123.45")
    again = client.get(url("loan_statement", loan)).content.decode()
    assert "CN¥123.45" in again


def test_two_borrowers_never_share_a_cached_transaction_list(client, loan):
    from .plan_fixtures import pay

    other = late_loan()
    pay(other, "987.65")
    client.get(url("loan_statement", loan))
    client.force_login(other.borrower.user)
    assert "CN¥987.65" in client.get(url("loan_statement", other)).content.decode()
    client.force_login(loan.borrower.user)
    assert "CN¥987.65" not in client.get(url("loan_statement", loan)).content.decode()
