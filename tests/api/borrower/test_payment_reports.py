"""Telling us of a payment through the API: taken once per Idempotency-Key, read back newest
first, refused with the reason in the borrower's language and nothing written."""

import datetime as dt

import pytest

from repayment.models import LenderEvent, PaymentReport, PaymentReportStatus
from tests.repayment.plan_fixtures import pay, today_in

from .conftest import loan_url, post

pytestmark = pytest.mark.django_db


def days_ago(days):
    return (today_in() - dt.timedelta(days=days)).isoformat()


def report(api, loan, *, key=None, headers=None, **changes):
    body = {"amount": "550.00", "paid_on": days_ago(1), **changes}
    return post(api, loan_url(loan, "payment-reports/"), body, key=key, **(headers or {}))


def nothing_written():
    return not PaymentReport.objects.exists() and not LenderEvent.objects.exists()


def test_a_payment_is_told_and_read_back(api, loan):
    response = report(api, loan, how="bank_transfer", details="From Harbour Bank")

    assert response.status_code == 201
    body = response.json()
    assert (body["amount"], body["paid_on"], body["reported_on"]) == (
        "550.00",
        days_ago(1),
        today_in().isoformat(),
    )
    assert (body["how"], body["how_label"], body["details"]) == (
        "bank_transfer",
        "Bank transfer",
        "From Harbour Bank",
    )
    assert (body["status"], body["status_label"]) == ("open", "Waiting for the payment")
    held = (today_in() + dt.timedelta(days=5)).isoformat()  # the lender's default days
    assert body["reminders_held_until"] == held
    assert (body["found"], body["settled_on"]) == (None, None)
    listed = api.get(loan_url(loan, "payment-reports/")).json()
    assert listed == [body]
    assert list(LenderEvent.objects.values_list("topic", flat=True)) == ["payment.reported"]


def test_how_and_details_may_be_left_out(api, loan):
    response = report(api, loan)

    assert response.status_code == 201
    assert (response.json()["how"], response.json()["how_label"]) == ("", "")


def test_reports_are_listed_newest_first(api, loan):
    first = report(api, loan, amount="100.00").json()
    PaymentReport.objects.filter(pk=first["id"]).update(status=PaymentReportStatus.ARRIVED)
    second = report(api, loan, amount="200.00").json()

    listed = api.get(loan_url(loan, "payment-reports/")).json()

    assert [item["id"] for item in listed] == [second["id"], first["id"]]
    assert listed[1]["status_label"] == "Payment arrived"


def test_the_same_key_and_body_replays_the_answer_and_makes_one_report(api, loan):
    first = report(api, loan, key="paid-1")
    again = report(api, loan, key="paid-1")

    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert PaymentReport.objects.count() == 1
    assert LenderEvent.objects.count() == 1


def test_the_same_key_with_another_body_is_a_conflict(api, loan):
    report(api, loan, key="paid-1")

    response = report(api, loan, key="paid-1", amount="300.00")

    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_reused"
    assert PaymentReport.objects.get().amount == 550


def test_a_report_needs_an_idempotency_key(api, loan):
    response = report(api, loan, key="")

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()
    assert nothing_written()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": "0"}, "amount", "Enter an amount such as 550"),
        ({"amount": 550}, "amount", "Not a valid string."),
        ({"amount": "99999.00"}, "amount", "That is more than you owe on this loan"),
        ({"paid_on": days_ago(-1)}, "paid_on", "Choose today or a day before it."),
        ({"paid_on": days_ago(31)}, "paid_on", "That is more than 30 days ago."),
        ({"paid_on": "yesterday"}, "paid_on", "Enter the date as YYYY-MM-DD."),
        ({"how": "cheque"}, "how", "Choose one of the ways to pay listed."),
        ({"details": "x" * 301}, "details", "300"),
        ({"receipt": "A1"}, "receipt", "This field is not accepted here."),
    ],
)
def test_a_bad_report_names_the_field_and_writes_nothing(api, loan, changes, field, message):
    response = report(api, loan, **changes)

    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert nothing_written()


def test_a_second_report_while_one_is_open_is_a_conflict(api, loan):
    report(api, loan)

    response = report(api, loan, amount="100.00")

    assert response.status_code == 409
    assert response.json()["code"] == "refused"
    assert "already told us about a payment" in response.json()["detail"]
    assert PaymentReport.objects.count() == 1


def test_a_paid_off_loan_is_refused_in_the_borrowers_language(api, loan):
    pay(loan, "10000.00")

    response = report(api, loan, headers={"HTTP_ACCEPT_LANGUAGE": "zh-hans"})

    assert response.status_code == 409
    assert response.json() == {"detail": "这笔贷款已还清，无需再还款。", "code": "refused"}
    assert nothing_written()


def test_a_bad_date_is_refused_in_chinese(api, loan):
    response = report(api, loan, paid_on="yesterday", headers={"HTTP_ACCEPT_LANGUAGE": "zh-CN"})

    assert response.status_code == 400
    assert response.json() == {"paid_on": ["请按 YYYY-MM-DD 的格式填写日期。"]}
    assert nothing_written()


def test_another_borrowers_loan_is_not_found(api, other_loan):
    assert report(api, other_loan).status_code == 404
    assert api.get(loan_url(other_loan, "payment-reports/")).status_code == 404
    assert nothing_written()
