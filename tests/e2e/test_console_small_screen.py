"""End to end, in Debian's Chromium at 390x844: a supervisor signs in with an authenticator
code on a phone and works through the console. Every page fits without sideways scroll and is
axe-clean; the borrower page's tables stack as cards (no scroll area a keyboard cannot reach)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from portal.daily_run.tasks import start_daily_run
from portal.notifications.models import OutboundMessage
from portal.support.demo import load_demo_queue, load_demo_staff
from repayment.demo import DEMO_PASSWORD, load_demo
from repayment.models import Borrower, Dispute, DisputeStatus
from tests.e2e.helpers import check_page, heading
from tests.support.staff import authenticator_code
from tests.support.test_borrower_view import message
from tests.support.work_fixtures import waiting_dispute

pytestmark = pytest.mark.django_db(transaction=True)

SUPERVISOR = "supervisor@demo.example"


@pytest.fixture
def supervisor_secret():
    load_demo()
    load_demo_staff()
    load_demo_queue()
    secret = generate_totp_secret()
    TOTP.activate(get_user_model().objects.get(email=SUPERVISOR), secret)
    return secret


def test_console_pages_fit_a_phone_and_are_axe_clean(live_server, page, supervisor_secret):
    base = f"{live_server.url}/en"
    borrower = Borrower.objects.get(full_name="陈静")
    message(borrower, 1, status="failed", loan=borrower.loans.first())
    message(borrower, 2, loan=borrower.loans.first())
    assert OutboundMessage.objects.filter(borrower=borrower).exists()  # the table has rows
    dispute = Dispute.objects.filter(status=DisputeStatus.OPEN).first() or waiting_dispute()
    run = start_daily_run.apply().get()  # eager: the run, its steps and chunks, done
    visited: list[str] = []

    page.goto(f"{base}/accounts/login/?next=/en/support/")
    page.get_by_label("Email").fill(SUPERVISOR)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/2fa/authenticate/**")
    page.get_by_label("Code").fill(authenticator_code(supervisor_secret))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/support/")
    assert page.get_by_text("Signed in as").first.is_visible()
    check_page(page, visited, "search")

    page.get_by_label("Name, phone, e-mail or loan reference").fill("chen jing")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="陈静")).to_be_visible()
    check_page(page, visited, "search results")

    page.goto(f"{base}/support/borrowers/{borrower.pk}/")
    assert heading(page, "陈静").is_visible()
    table = page.get_by_role("table", name="Messages and what happened to them")
    assert table.count() == 1
    # Stacked: each message is a card as wide as the page, its column names beside the values.
    width = page.evaluate("document.documentElement.clientWidth")
    box = table.locator("tbody tr").first.bounding_box()
    assert box is not None and box["width"] <= width
    check_page(page, visited, "borrower")

    for step, path in (
        ("queue", "/support/queue/"),
        ("dashboard", "/support/dashboard/"),
        ("dispute", f"/support/disputes/{dispute.pk}/"),
        ("settings", "/support/settings/"),
        ("daily runs", "/support/daily-runs/"),
        ("daily run", f"/support/daily-runs/{run}/"),
    ):
        page.goto(f"{base}{path}")
        check_page(page, visited, step)
    assert len(visited) == 9
