"""End to end, in Debian's Chromium: a support agent signs in with an authenticator
code at desk width, finds a demo borrower, sees her statement as she sees it, and approves the
plan she proposed from the review queue. The borrower, on her phone, then finds the approved
plan, confirms it and sees it set up. Every page is axe-clean; the borrower's fit 390 px."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from portal.audit.models import Record
from portal.support.demo import load_demo_queue, load_demo_staff
from repayment.demo import DEMO_PASSWORD, load_demo
from repayment.models import Plan, PlanStatus, Proposal, ProposalStatus
from tests.e2e.helpers import check_page, heading, serious_accessibility_violations
from tests.support.staff import authenticator_code

pytestmark = pytest.mark.django_db(transaction=True)

AGENT = "agent@demo.example"
BORROWER = "chenjing@demo.example"
REFERENCE = "HCF-219902"
DESK = {"width": 1280, "height": 900}
NOTE = "Thank you for telling us. We can agree this."


@pytest.fixture
def agent_secret():
    load_demo()
    load_demo_staff()
    load_demo_queue()
    secret = generate_totp_secret()
    TOTP.activate(get_user_model().objects.get(email=AGENT), secret)
    return secret


def axe_clean(page, step: str) -> None:
    violations = serious_accessibility_violations(page)
    assert violations == [], f"{step}: {page.url} has serious axe violations: {violations}"


def test_agent_approves_a_queued_proposal_and_the_borrower_confirms_it(
    live_server, browser, page, agent_secret
):
    base = f"{live_server.url}/en"
    proposal = Proposal.objects.get(loan__reference=REFERENCE, status=ProposalStatus.IN_REVIEW)

    # The agent, at a desk: password, then the authenticator's code.
    desk = browser.new_context(viewport=DESK, locale="en-GB")
    console = desk.new_page()
    console.goto(f"{base}/accounts/login/?next=/en/support/")
    console.get_by_label("Email").fill(AGENT)
    console.get_by_label("Password").fill(DEMO_PASSWORD)
    console.get_by_role("button", name="Sign in").click()
    console.wait_for_url("**/2fa/authenticate/**")
    console.get_by_label("Code").fill(authenticator_code(agent_secret))
    console.get_by_role("button", name="Sign in").click()
    console.wait_for_url("**/en/support/")
    assert heading(console, "Find a borrower").is_visible()
    axe_clean(console, "search")

    # Finds her by part of her loan reference, and opens her account.
    console.get_by_label("Name, phone, e-mail or loan reference").fill("219902")
    console.get_by_role("button", name="Search").click()
    console.get_by_role("link", name="陈静").click()
    console.wait_for_url(f"**/en/support/borrowers/{proposal.loan.borrower_id}/")
    assert heading(console, "陈静").is_visible()
    axe_clean(console, "borrower")

    # Her statement as she sees it, with nothing to act on.
    console.get_by_role("link", name="See the statement as the borrower sees it").click()
    expect(console.get_by_text("You are seeing what the borrower sees")).to_be_visible()
    assert console.get_by_role("link", name="Question this").count() == 0
    assert console.get_by_role("link", name="Download PDF statement").count() == 0
    axe_clean(console, "statement as the borrower")

    # The queue, oldest first; her proposal; approved with a reason and a note.
    console.get_by_role("link", name="Review queue").click()
    axe_clean(console, "queue")
    console.get_by_role("link", name="Plan proposal: 陈静").click()
    console.wait_for_url(f"**/en/support/proposals/{proposal.pk}/")
    axe_clean(console, "proposal")
    approve = console.locator("section", has=console.get_by_role("button", name="Approve"))
    approve.get_by_label("Reason (for the record)").fill(
        "Affordable on her budget; agreed by phone"
    )
    approve.get_by_label("Note to the borrower").fill(
        "Thank you for telling us. We can agree this."
    )
    approve.get_by_role("button", name="Approve").click()
    # Back to the queue, where her proposal no longer waits.
    console.wait_for_url("**/en/support/queue/")
    assert console.get_by_text("Answer sent. The borrower is being told.").is_visible()
    assert console.get_by_role("link", name="Plan proposal: 陈静").count() == 0
    desk.close()

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    assert Record.objects.filter(action="proposal.approved", object_id=str(proposal.pk)).exists()

    # The borrower, on her phone.
    visited: list[str] = []
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(BORROWER)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/my/")
    page.goto(f"{base}/my/loans/{REFERENCE}/help/")
    check_page(page, visited, "help")
    page.get_by_role("link", name="See the plan and confirm").click()
    # The click starts a navigation: wait for the new page's heading, not the old page's DOM.
    heading(page, "Yes, we can agree your plan").wait_for()
    assert page.get_by_text(NOTE).is_visible()
    check_page(page, visited, "approved proposal")
    page.get_by_label("I have read the payments above and I agree to this plan.").check()
    page.get_by_role("button", name="Confirm this plan").click()
    page.wait_for_url(f"**/my/loans/{REFERENCE}/plan/")
    check_page(page, visited, "plan")

    plan = Plan.objects.get(loan__reference=REFERENCE)
    assert plan.status == PlanStatus.ACTIVE and plan.proposal_id == proposal.pk
