"""Reminders react to what repayment announces (``repayment.events``): the handler registered
in ``NotificationsConfig.ready()`` turns each event into the borrower's message, written in
the same transaction as the change it reports."""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from portal.notifications.models import OutboundMessage
from portal.notifications.outbox.planner import on_loan_event
from repayment import events
from tests.repayment.plan_fixtures import late_loan

pytestmark = pytest.mark.django_db


def centre(loan, event):
    return OutboundMessage.objects.filter(borrower=loan.borrower, channel="in_portal", event=event)


def test_notifications_listens_to_repayment_from_its_app_config():
    assert on_loan_event in events._handlers


def test_an_announced_event_is_in_the_borrowers_message_centre_at_once():
    loan = late_loan()

    events.tell_borrower(loan=loan, event="plan_broken", about="plan12")

    (message,) = centre(loan, "plan_broken")
    assert message.key.split(":")[4] == "plan12"
    assert message.status == "sent"


def test_a_change_rolled_back_leaves_no_message():
    loan = late_loan()

    with pytest.raises(RuntimeError), transaction.atomic():
        events.tell_borrower(loan=loan, event="plan_broken", about="plan12")
        raise RuntimeError

    assert not centre(loan, "plan_broken").exists()


def test_an_event_naming_a_page_links_to_it_in_the_borrowers_language():
    loan = late_loan()
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()

    events.tell_borrower(
        loan=loan,
        event="proposal_declined",
        about="proposal5",
        facts={"note": "预算不够。"},
        page=("proposal_detail", 5),
    )

    (message,) = centre(loan, "proposal_declined")
    with translation.override("zh-hans"):
        address = reverse("proposal_detail", args=[loan.reference, 5])
    assert address.startswith("/zh-hans/") and address in message.body
