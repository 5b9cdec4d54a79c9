"""Borrowers and message-centre messages for the page tests."""

import datetime as dt
import itertools

from django.utils import timezone

from portal.notifications.models import Event, OutboundMessage, Status
from tests.factories import (
    BorrowerFactory,
    LenderFactory,
    LoanFactory,
    LoanProductFactory,
    UserFactory,
)

_keys = itertools.count(1)


def borrower(*, rules="US Regulation F", product_rules="", language="en", **fields):
    """A signed-up borrower with one loan under a lender that follows ``rules``."""
    person = BorrowerFactory(user=UserFactory(), preferred_language=language, **fields)
    add_loan(person, rules=rules, product_rules=product_rules)
    return person


def add_loan(person, *, rules="US Regulation F", product_rules=""):
    lender = LenderFactory(contact_rules=rules)
    product = LoanProductFactory(lender=lender, contact_rules=product_rules)
    return LoanFactory(borrower=person, product=product)


def message(
    person,
    *,
    subject="Your payment is due soon",
    body="Hello,\nyour next payment is due on 10 June.\nThank you.",
    sent_at=None,
    read_at=None,
    channel="in_portal",
    status=Status.SENT,
):
    sent_at = sent_at or timezone.now() - dt.timedelta(hours=1)
    return OutboundMessage.objects.create(
        key=f"test-{next(_keys)}",
        borrower=person,
        event=Event.UPCOMING_DUE,
        kind="courtesy",
        channel=channel,
        due_on=sent_at.date(),
        language=person.preferred_language,
        subject=subject,
        body=body,
        rule="allowed",
        reason="inside the window",
        send_at=sent_at,
        status=status,
        sent_at=sent_at if status == Status.SENT else None,
        read_at=read_at,
    )
