"""End to end: the 45-days-late demo borrower, on a phone, checks her budget,
proposes a plan she can't afford, takes the counter-offer, and sees the plan on her statement.
A second submission of the confirmation (back button, then submit again) makes no second plan.
"""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from repayment.demo import DEMO_PASSWORD, load_demo
from repayment.models import Decision, Loan, Plan, Proposal, ProposalStatus
from tests.e2e.helpers import check_page, heading

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "maria@demo.example"
REFERENCE = "HCF-220388"

# Entered for a month; leaves 2,500 - (900 + 200 + 400) - 300 = 700 a month.
BUDGET = {
    "earnings": "2500",
    "home": "900",
    "utilities": "200",
    "food": "400",
    "other_debts": "300",
}
LEFT_EACH_MONTH = "700"
TOO_MUCH = "1500"


@pytest.fixture
def maria():
    load_demo()
    loan = Loan.objects.select_related("borrower").get(reference=REFERENCE)
    assert loan.borrower.email == EMAIL
    return loan


def test_late_borrower_proposes_takes_counter_offer_and_sees_plan_on_statement(
    live_server, page, maria
):
    visited: list[str] = []
    base = f"{live_server.url}/en"
    statement_url = f"{base}/my/loans/{REFERENCE}/"

    # Sign in through the real login form.
    page.goto(f"{base}/accounts/login/")
    check_page(page, visited, "login")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")
    assert heading(page, "Hello, Maria Santos").is_visible()
    check_page(page, visited, "home")

    # Her statement: 45 days late, with the way into the options.
    page.goto(statement_url)
    assert heading(page, "Amount due now", level=2).is_visible()
    assert page.get_by_text("45 days past due").is_visible()
    check_page(page, visited, "statement (late)")

    page.get_by_role("link", name="Can't pay the full amount?").click()
    page.wait_for_url(f"**/en/my/loans/{REFERENCE}/help/")
    assert heading(page, "Can't pay the full amount?").is_visible()
    assert heading(page, "Free help you can turn to", level=2).is_visible()
    check_page(page, visited, "help")

    # Income and expenditure.
    page.get_by_role("link", name="Propose my own plan").click()
    page.wait_for_url(f"**/en/my/loans/{REFERENCE}/budget/")
    assert heading(page, "Your budget").is_visible()
    check_page(page, visited, "budget")
    page.get_by_role("radio", name="month", exact=True).check()
    for name, amount in BUDGET.items():
        page.locator(f"input[name='{name}']").fill(amount)
    page.get_by_role("button", name="Next: propose a plan").click()

    # Her proposal: more than the budget leaves.
    page.wait_for_url(re.compile(rf"/en/my/loans/{REFERENCE}/propose/\?budget=\d+$"))
    assert heading(page, "Propose your own plan").is_visible()
    assert page.locator("dl.facts").get_by_text(LEFT_EACH_MONTH, exact=False).is_visible()
    check_page(page, visited, "propose")
    start = timezone.localdate() + dt.timedelta(days=5)
    page.get_by_label("How much can you pay each time?").fill(TOO_MUCH)
    page.get_by_role("radio", name="Monthly", exact=True).check()
    page.get_by_label("Date of your first payment").fill(start.isoformat())
    page.get_by_role("button", name="Get an answer").click()

    # The counter-offer.
    page.wait_for_url(re.compile(rf"/en/my/loans/{REFERENCE}/proposals/\d+/$"))
    proposal = Proposal.objects.get()
    assert proposal.decision == Decision.COUNTERED, (
        f"expected a counter-offer for {TOO_MUCH} a month against {LEFT_EACH_MONTH} left, got "
        f"{proposal.decision} {proposal.reasons}"
    )
    assert heading(page, "We can agree a plan close to yours").is_visible()
    assert heading(page, "The plan we can agree", level=2).is_visible()
    check_page(page, visited, "counter-offer")

    confirm_form = page.locator("form").filter(
        has=page.get_by_role("button", name="Confirm this plan")
    )
    first_submission = {
        "csrfmiddlewaretoken": confirm_form.locator("[name=csrfmiddlewaretoken]").input_value(),
        "key": confirm_form.locator("[name=key]").input_value(),
        "agree": "on",
    }
    page.get_by_label("I have read the payments above and I agree to this plan.").check()
    page.get_by_role("button", name="Confirm this plan").click()

    # Her plan.
    page.wait_for_url(f"**/en/my/loans/{REFERENCE}/plan/")
    assert Plan.objects.count() == 1
    plan = Plan.objects.get()
    amounts = list(plan.installments.values_list("amount", flat=True))
    count = len(amounts)
    assert count >= 1
    assert max(amounts) <= Decimal(LEFT_EACH_MONTH), f"the counter-offer is over budget: {amounts}"
    assert page.get_by_role("heading", name=re.compile(r"^My plan")).is_visible()
    assert page.get_by_text(f"Paid 0 of {count}", exact=True).is_visible()
    check_page(page, visited, "plan")

    # Back to the statement: the plan is there, with its progress.
    page.get_by_role("link", name="Statement").first.click()
    page.wait_for_url(f"**/en/my/loans/{REFERENCE}/")
    plan_section = page.locator("section[aria-labelledby='plan-title']")
    assert plan_section.get_by_role("heading", name=re.compile(r"^Your plan")).is_visible()
    assert plan_section.get_by_text(f"Paid 0 of {count}", exact=True).is_visible()
    assert plan_section.locator("progress").is_visible()
    check_page(page, visited, "statement (with plan)")

    # A second submission is harmless. Back to the counter-offer (two steps: statement, plan)...
    page.go_back()
    page.go_back()
    page.wait_for_url(re.compile(rf"/en/my/loans/{REFERENCE}/proposals/\d+/$"))
    again = page.get_by_role("button", name="Confirm this plan")
    if again.count():
        # ...if the browser showed its kept copy of the page, tick and confirm once more (a
        # fresh copy of the page no longer offers the button, which is harmless too).
        page.get_by_label("I have read the payments above and I agree to this plan.").check()
        again.click()
        page.wait_for_load_state()
    assert Plan.objects.count() == 1
    # ...and the very same form (same key) posted again, as a double click or refresh would.
    response = page.request.post(
        f"{live_server.url}/en/my/loans/{REFERENCE}/proposals/{proposal.pk}/",
        form=first_submission,
        headers={"Referer": page.url},
    )
    assert response.ok, f"re-posting the confirmation gave HTTP {response.status}"
    assert Plan.objects.count() == 1, "a second submission of the confirmation made another plan"
    assert response.url.endswith(f"/en/my/loans/{REFERENCE}/plan/"), (
        f"a second 'Confirm this plan' should land on the plan it made, not {response.url}"
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.TAKEN_UP

    assert len(visited) == 9
