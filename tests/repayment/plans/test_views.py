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
    assert "Free help you can turn to" in help_page
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
        ("amount", "0", "Enter an amount of at least CN¥0.01."),
        ("amount", "-5", "Enter an amount of at least CN¥0.01."),
        ("amount", "abc", "Enter an amount like CN¥550.50."),
        ("amount", "10.505", "Enter an amount like CN¥550.50."),
        ("amount", "99999999", "more than the whole balance"),
        ("start", "2001-01-01", "can&#x27;t be in the past"),
        ("start", "2099-01-01", "on or before"),
        ("frequency", "daily", "Choose how often you will pay."),
        ("start", "someday", "Enter a date like "),
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


# --- one open proposal, and pages that tell the truth after the fact ---------------------------


def send_to_staff(client, loan):
    """This product's policy sends every own plan to a person; the borrower sends one."""
    from repayment.models import PlanPolicy

    PlanPolicy.objects.create(product=loan.product, auto_accept_segments=[])
    propose(client, loan, "700")
    return Proposal.objects.get()


def test_a_second_proposal_while_a_person_looks_at_the_first_is_refused_with_a_link_to_it(
    client, loan
):
    first = send_to_staff(client, loan)
    first_page = url("proposal_detail", loan, first.pk)

    budget_page = client.get(url("plan_budget", loan)).content.decode()
    sent_again = client.post(
        url("plan_propose", loan) + f"?budget={first.budget_id}",
        {"amount": "600", "frequency": "monthly", "start": first.start_date.isoformat()},
    )

    assert "We are still looking at your plan" in budget_page
    assert "You can propose a different plan once we have answered this one" in budget_page
    assert first_page in budget_page
    assert sent_again.status_code == 200
    assert first_page in sent_again.content.decode()
    assert list(Proposal.objects.all()) == [first] and Budget.objects.count() == 1
    help_page = client.get(url("loan_help", loan)).content.decode()
    assert "A person is looking at the plan you sent" in help_page
    assert url("plan_budget", loan) not in help_page


def test_a_new_proposal_page_says_it_replaces_the_plan_waiting_for_confirmation(client, loan):
    propose(client, loan, "700")
    waiting = Proposal.objects.get()

    client.post(url("plan_budget", loan), BUDGET)
    page = client.get(url("plan_propose", loan) + f"?budget={Budget.objects.first().pk}")

    html = page.content.decode()
    assert "If you send a new proposal, it takes that one's place" in html
    assert url("proposal_detail", loan, waiting.pk) in html


def test_a_proposal_far_below_what_we_can_agree_says_it_is_the_lowest_and_why(client, loan):
    response = propose(client, loan, "50")

    page = client.get(response.url).content.decode()

    assert "The lowest plan we can agree" in page
    assert "We can agree a plan close to yours" not in page
    assert (
        "The lowest we can agree is CN¥362.50 a month, because a plan we agree straight away "
        "must catch up on what is overdue within 12 payments." in page
    )
    assert "a little higher" not in page


def test_an_old_proposal_page_after_its_plan_started_says_the_plan_is_in_place(client, loan):
    response = propose(client, loan, "700")
    page = client.get(response.url).content.decode()
    key = re.search(r'name="key" value="([0-9a-f]{32})"', page).group(1)
    client.post(response.url, {"key": key, "agree": "on"})

    later = client.get(response.url).content.decode()

    assert "Your plan is in place" in later
    assert url("loan_plan", loan) in later
    assert "We can agree" not in later and "Yes, we can agree your plan" not in later
    assert 'name="agree"' not in later


def test_a_proposal_overtaken_by_a_plan_from_an_offer_says_a_plan_is_in_place(client, loan):
    response = propose(client, loan, "700")
    offer_page = client.get(url("loan_help", loan)).content.decode()
    code = re.search(r"offers/(spread-\d+)/", offer_page).group(1)
    confirm = client.get(url("offer_confirm", loan, code)).content.decode()
    key = re.search(r'name="key" value="([0-9a-f]{32})"', confirm).group(1)
    client.post(url("offer_confirm", loan, code), {"key": key, "agree": "on"})

    later = client.get(response.url).content.decode()

    assert "You have a plan in place" in later
    assert "can no longer be taken up" in later
    assert url("loan_plan", loan) in later
    assert "Yes, we can agree your plan" not in later


def test_a_replaced_proposal_says_so_and_links_to_the_newer_one(client, loan):
    first = propose(client, loan, "700").url
    propose(client, loan, "650")
    newer = Proposal.objects.order_by("-created_at", "-pk").first()

    page = client.get(first).content.decode()

    assert "This proposal is closed" in page
    assert url("proposal_detail", loan, newer.pk) in page
    assert "Yes, we can agree your plan" not in page


def test_two_offers_of_one_kind_have_names_that_say_how_they_differ(client, loan):
    page = client.get(url("loan_help", loan)).content.decode()

    assert "Spread the overdue amount over 3 months" in page
    assert "Spread the overdue amount over 6 months" in page


def test_the_extra_interest_says_where_it_comes_from_and_that_it_is_not_in_the_plan(client, loan):
    page = client.get(url("loan_help", loan)).content.decode()

    assert "your loan charges interest on what you still owe" in page
    assert "This interest is not in the payments above" in page
    assert "Compared with paying everything now" not in page
