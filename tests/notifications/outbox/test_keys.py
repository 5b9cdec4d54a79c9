"""The outbox key has one owner (``outbox.keys``): what it builds, it parses back, and the
planner's rows carry keys of that shape."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.notifications.models import OutboundMessage
from portal.notifications.outbox import keys
from repayment import events
from tests.repayment.plan_fixtures import late_loan

# Tags and events name things ("plan12", "payment_missed"); a channel never has a colon.
words = st.text(st.characters(categories=["Ll", "Nd"], include_characters="_"), min_size=1)


@given(
    borrower_id=st.integers(1),
    event=words,
    loan_id=st.integers(1),
    due_on=st.dates(),
    tag=st.text(st.characters(categories=["Ll", "Nd"]) | st.just(":")),
    channel=words,
)
def test_a_key_parses_back_into_its_message_and_channel(
    borrower_id, event, loan_id, due_on, tag, channel
):
    logical = keys.logical(
        borrower_id=borrower_id, event=event, loan_id=loan_id, due_on=due_on, tag=tag
    )

    key = keys.build(logical, channel)

    assert keys.parse(key) == keys.Key(logical, channel)
    assert keys.logical_key(key) == logical


def test_the_shape_of_a_key():
    logical = keys.logical(
        borrower_id=3, event="plan_broken", loan_id=9, due_on=dt.date(2026, 6, 10), tag="plan12"
    )

    assert keys.build(logical, "sms") == "3:plan_broken:9:2026-06-10:plan12:sms"


@pytest.mark.django_db
def test_every_channel_of_one_message_shares_its_logical_key():
    loan = late_loan()

    events.tell_borrower(loan=loan, event="plan_broken", about="plan12")

    rows = OutboundMessage.objects.filter(borrower=loan.borrower, event="plan_broken")
    parsed = {keys.parse(row.key) for row in rows}
    assert {key.channel for key in parsed} == {row.channel for row in rows}
    (logical,) = {key.logical for key in parsed}
    assert logical.startswith(f"{loan.borrower_id}:plan_broken:{loan.pk}:")
    assert logical.endswith(":plan12")
