"""The "I have paid" page: a borrower says how much and when, sees it on the statement, and the
reminders wait; bad input is answered on the form and changes nothing; another borrower's loan
is not there."""

import datetime as dt

import pytest
from django.utils import translation

from repayment.models import PaymentReport, PaymentReportStatus
from repayment.paying.reports import settle
from tests.factories import BorrowerFactory, UserFactory
from tests.repayment.plan_fixtures import late_loan, pay, today_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def loan():
    return late_loan()


@pytest.fixture
def signed_in(client, loan):
    client.force_login(loan.borrower.user)
    return client


def test_told_on_the_page_it_shows_on_the_statement_and_the_link_goes(signed_in, loan):
    statement = signed_in.get(url("loan_statement", loan)).content.decode()
    assert "Paid already? Tell us" in statement
    paid_on = today_in() - dt.timedelta(days=1)

    response = signed_in.post(
        url("loan_paid", loan),
        {"amount": "550", "paid_on": paid_on.isoformat(), "how": "cash", "details": "Store 12"},
        follow=True,
    )

    report = PaymentReport.objects.get()
    assert (report.amount, report.paid_on, report.how, report.details) == (
        550,
        paid_on,
        "cash",
        "Store 12",
    )
    page = response.content.decode()
    assert "not send payment reminders until" in page
    assert "The payment you told us about" in page
    assert "Paid already? Tell us" not in page
    # Asking again shows what we are waiting for, not a second form.
    again = signed_in.get(url("loan_paid", loan)).content.decode()
    assert "You told us you paid" in again
    assert 'name="amount"' not in again


def test_a_day_ahead_is_answered_on_the_form(signed_in, loan):
    ahead = today_in() + dt.timedelta(days=2)
    response = signed_in.post(
        url("loan_paid", loan), {"amount": "50", "paid_on": ahead.isoformat()}
    )
    assert response.status_code == 200
    assert "make a promise" in response.content.decode()
    assert not PaymentReport.objects.exists()


def test_unreadable_input_is_answered_in_chinese(signed_in, loan):
    with translation.override("zh-hans"):
        address = url("loan_paid", loan)
    response = signed_in.post(address, {"amount": "lots", "paid_on": "yesterday", "how": "pigeon"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "请输入金额" in page
    assert "请输入日期" in page
    assert "请从列出的还款方式中选择一种" in page
    assert not PaymentReport.objects.exists()


def test_a_payment_not_found_is_asked_about_kindly_on_the_page(signed_in, loan):
    signed_in.post(
        url("loan_paid", loan),
        {"amount": "550", "paid_on": today_in().isoformat()},
    )
    report = PaymentReport.objects.get()
    settle(report, today=report.hold_until + dt.timedelta(days=1))
    assert PaymentReport.objects.get().status == PaymentReportStatus.NOT_FOUND
    page = signed_in.get(url("loan_paid", loan)).content.decode()
    assert "Help us find your payment" in page
    assert 'name="details"' in page


def test_another_borrowers_loan_is_not_found(client, loan):
    client.force_login(BorrowerFactory(user=UserFactory()).user)
    assert client.get(url("loan_paid", loan)).status_code == 404
    assert client.post(url("loan_paid", loan), {"amount": "5"}).status_code == 404


def test_a_paid_off_loan_goes_back_to_its_statement(signed_in, loan):
    pay(loan, "5500.00")
    response = signed_in.get(url("loan_paid", loan))
    assert response.status_code == 302
    assert response["Location"] == url("loan_statement", loan)
