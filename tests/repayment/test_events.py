"""What repayment announces about a loan reaches every handler registered with ``listen``, at
once and in the announcing transaction; repayment itself knows none of them."""

import pytest

from repayment import events
from tests.factories import LoanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(monkeypatch):
    """Only this test's handler listens."""
    heard = []
    monkeypatch.setattr(events, "_handlers", [heard.append])
    return heard


def test_a_handler_hears_the_event_with_its_facts_and_page(heard):
    loan = LoanFactory()

    events.tell_borrower(
        loan=loan,
        event="proposal_countered",
        about="proposal7",
        facts={"amount": "550.00"},
        page=("proposal_detail", 7),
    )

    assert heard == [
        events.LoanEvent(
            loan=loan,
            event="proposal_countered",
            about="proposal7",
            facts={"amount": "550.00"},
            page=("proposal_detail", 7),
        )
    ]


def test_an_event_without_facts_or_page_has_empty_ones(heard):
    loan = LoanFactory()

    events.tell_borrower(loan=loan, event="plan_broken", about="plan3")

    (happened,) = heard
    assert (happened.facts, happened.page) == ({}, ())


def test_a_handler_registered_twice_hears_each_event_once(monkeypatch):
    monkeypatch.setattr(events, "_handlers", [])
    heard = []

    events.listen(heard.append)
    events.listen(heard.append)
    events.tell_borrower(loan=LoanFactory(), event="plan_completed", about="plan1")

    assert len(heard) == 1


def test_with_nobody_listening_an_event_changes_nothing(monkeypatch):
    monkeypatch.setattr(events, "_handlers", [])

    events.tell_borrower(loan=LoanFactory(), event="plan_completed", about="plan1")
