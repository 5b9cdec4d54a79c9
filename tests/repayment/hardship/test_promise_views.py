"""The promise page: a borrower says how much and by when, sees it on the help page and the
statement; bad input is answered on the form and changes nothing."""

import datetime as dt

import pytest

from repayment.models import Promise
from tests.repayment.plan_fixtures import late_loan, today_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def loan():
    return late_loan()


@pytest.fixture
def signed_in(client, loan):
    client.force_login(loan.borrower.user)
    return client


def test_a_promise_made_on_the_page_shows_on_help_and_statement(signed_in, loan):
    help_page = signed_in.get(url("loan_help", loan)).content.decode()
    assert "Tell us when you will pay" in help_page

    pay_by = today_in() + dt.timedelta(days=5)
    response = signed_in.post(
        url("loan_promise", loan), {"amount": "200", "pay_by": pay_by.isoformat()}, follow=True
    )

    promise = Promise.objects.get()
    assert (promise.amount, promise.pay_by) == (200, pay_by)
    page = response.content.decode()
    assert "We will not send payment reminders until" in page
    assert "Your promise to pay" in page
    statement = signed_in.get(url("loan_statement", loan)).content.decode()
    assert "You told us you will pay" in statement


def test_a_day_too_far_ahead_is_answered_on_the_form(signed_in, loan):
    pay_by = today_in() + dt.timedelta(days=30)
    response = signed_in.post(
        url("loan_promise", loan), {"amount": "200", "pay_by": pay_by.isoformat()}
    )

    assert response.status_code == 200
    assert "Choose a day within 14 days from today." in response.content.decode()
    assert not Promise.objects.exists()


def test_more_than_is_due_is_answered_on_the_form(signed_in, loan):
    pay_by = today_in() + dt.timedelta(days=3)
    response = signed_in.post(
        url("loan_promise", loan), {"amount": "5000", "pay_by": pay_by.isoformat()}
    )

    assert "You can promise up to the amount due now" in response.content.decode()
    assert not Promise.objects.exists()


def test_another_borrowers_loan_is_not_found(signed_in):
    other = late_loan()
    assert signed_in.get(url("loan_promise", other)).status_code == 404
