"""End to end: on a phone, a borrower chooses how and when she is contacted (text
messages to her number, fewer hours), then reads a message in her message centre and sees the
unread count drop. Every page is axe-clean and fits 390px without scrolling sideways."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.notifications.models import ContactPreferences, Event, OutboundMessage, Status
from repayment.demo import DEMO_PASSWORD, load_demo
from repayment.models import Borrower
from tests.e2e.helpers import check_page, heading

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "maria@demo.example"


@pytest.fixture
def maria():
    load_demo()
    maria = Borrower.objects.get(email=EMAIL)
    now = timezone.now()
    for n, (subject, body) in enumerate(
        [
            (
                "Your payment is due soon",
                "Hello Maria,\nyour next payment is due on the 10th.\nThank you.",
            ),
            (
                "We have received your payment",
                "Hello Maria,\nthank you: your payment has arrived.\nNo need to do anything.",
            ),
        ]
    ):
        sent = now - dt.timedelta(days=2 - n)
        OutboundMessage.objects.create(
            key=f"e2e-{n}",
            borrower=maria,
            event=Event.UPCOMING_DUE if n == 0 else Event.PAYMENT_RECEIVED,
            kind="courtesy" if n == 0 else "service",
            channel="in_portal",
            due_on=sent.date(),
            language="en",
            subject=subject,
            body=body,
            rule="allowed",
            reason="inside the window",
            send_at=sent,
            status=Status.SENT,
            sent_at=sent,
        )
    return maria


def test_borrower_sets_how_she_is_contacted_and_reads_a_message(live_server, page, maria):
    visited: list[str] = []
    base = f"{live_server.url}/en"

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")
    assert page.get_by_role("link", name="Messages (2 unread)").is_visible()
    check_page(page, visited, "home")

    # Her contact preferences.
    page.get_by_role("link", name="How we contact you").click()
    page.wait_for_url("**/en/my/preferences/")
    assert heading(page, "How we contact you").is_visible()
    assert page.get_by_text("Message centre: always on.").is_visible()
    check_page(page, visited, "preferences")

    # A number that can't be right is refused, and nothing is saved.
    page.get_by_label("Send me text messages (SMS)").check()
    page.get_by_label("Mobile number for text messages").fill("07700")
    page.get_by_label("Earliest time").select_option("09:00")
    page.get_by_label("Latest time").select_option("20:00")
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Nothing has been saved yet.")).to_be_visible()
    assert page.get_by_text("Enter a mobile number with its country code").is_visible()
    assert not ContactPreferences.objects.exists()
    check_page(page, visited, "preferences (mistake)")

    # Her choices are kept on the page; she corrects the number and saves.
    assert page.get_by_label("Send me text messages (SMS)").is_checked()
    assert page.get_by_label("Earliest time").input_value() == "09:00"
    page.get_by_label("Mobile number for text messages").fill("+44 7700 900123")
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_url("**/en/my/preferences/")
    assert page.get_by_role("status").get_by_text("Your choices are saved.").is_visible()
    check_page(page, visited, "preferences (saved)")
    saved = ContactPreferences.objects.get(borrower=maria)
    assert (saved.sms_enabled, saved.phone) == (True, "+447700900123")
    assert (saved.contact_from, saved.contact_until) == (dt.time(9), dt.time(20))

    # Her message centre, from the navigation.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Messages").click()
    page.wait_for_url("**/en/my/messages/")
    assert heading(page, "Messages").is_visible()
    assert page.get_by_text("You have 2 unread messages.").is_visible()
    assert page.get_by_text("Unread", exact=True).count() == 2
    check_page(page, visited, "message centre")

    page.get_by_role("link", name="We have received your payment").click()
    page.wait_for_url("**/en/my/messages/*/")
    assert heading(page, "We have received your payment").is_visible()
    assert page.get_by_text("thank you: your payment has arrived.").is_visible()
    check_page(page, visited, "message")

    # One fewer unread, on the centre and on the home page.
    page.get_by_role("link", name="All messages").click()
    page.wait_for_url("**/en/my/messages/")
    assert page.get_by_text("You have 1 unread message.").is_visible()
    page.goto(f"{base}/my/")
    assert page.get_by_role("link", name="Messages (1 unread)").is_visible()

    assert len(visited) == 6
