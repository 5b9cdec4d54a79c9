"""Asking for a pause and questioning an entry through the API."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from repayment.models import Borrower, Dispute, LedgerEntry, Pause

from .conftest import loan_url

pytestmark = pytest.mark.django_db


def pause(api, loan, **body):
    return api.post(loan_url(loan, "pauses/"), {"reason": "illness", **body}, format="json")


def test_a_short_pause_is_granted_at_once(api, loan):
    response = pause(api, loan, days=20, note="In hospital")

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "granted" and body["message"] == "Your pause is in place."
    assert body["reason_label"] == "Illness or injury"
    assert Pause.objects.get().note == "In hospital"


def test_a_longer_pause_waits_for_a_person_and_says_the_day_they_will_answer(api, loan):
    Borrower.objects.filter(pk=loan.borrower_id).update(time_zone="Asia/Shanghai")
    # Early on Friday in Shanghai (Thursday in UTC): two working days end on Tuesday there.
    friday_morning = dt.datetime(2026, 12, 4, 7, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(friday_morning, tick=False):
        body = pause(api, loan, days=45).json()

    assert body["status"] == "requested"
    assert body["message"] == "We have your request. A person will reply by Dec. 8, 2026."


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"days": 500}, "days", "Enter a number of days from 1 to 60."),
        ({"days": 0}, "days", "Enter a number of days from 1 to 60."),
        ({"days": "many"}, "days", "Enter a whole number"),
        ({"days": 10, "reason": "bored"}, "reason", "Choose what has happened."),
        ({"reason": "illness"}, "days", "Enter a number of days from 1 to 60."),
    ],
)
def test_a_bad_pause_request_names_the_field_and_changes_nothing(api, loan, body, field, message):
    response = pause(api, loan, **body)

    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert not Pause.objects.exists()


def test_a_second_pause_is_refused_with_the_reason(api, loan):
    pause(api, loan, days=10)

    response = pause(api, loan, days=10)

    assert response.status_code == 409
    assert response.json() == {
        "detail": "This loan already has a pause, or a request for one.",
        "code": "refused",
    }
    assert Pause.objects.count() == 1


def dispute(api, loan, entry, message="I paid this at the branch."):
    return api.post(
        loan_url(loan, "disputes/"), {"entry": entry, "message": message}, format="json"
    )


def test_questioning_an_entry_opens_a_dispute_and_says_the_day_of_the_answer(api, loan):
    entry = loan.entries.filter(kind="installment_due").first()
    Borrower.objects.filter(pk=loan.borrower_id).update(time_zone="Asia/Shanghai")
    friday_morning = dt.datetime(2026, 12, 4, 7, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

    with time_machine.travel(friday_morning, tick=False):
        response = dispute(api, loan, entry.pk)

    assert response.status_code == 201
    assert response.json()["entry"] == entry.pk and response.json()["status"] == "open"
    assert response.json()["message"] == (
        "Thank you. A person will look at it and reply by Dec. 8, 2026. Until then we will "
        "not ask you to pay the amount you questioned."
    )
    assert Dispute.objects.get().entry == entry


def test_the_same_entry_questioned_twice_is_refused(api, loan):
    entry = loan.entries.filter(kind="installment_due").first()
    dispute(api, loan, entry.pk)

    response = dispute(api, loan, entry.pk)

    assert response.status_code == 409
    assert "already told us about this entry" in response.json()["detail"]
    assert Dispute.objects.count() == 1


@pytest.mark.parametrize("message", ["", "   ", "x" * 2001])
def test_a_dispute_needs_a_message_of_sensible_length(api, loan, message):
    entry = loan.entries.first()

    response = dispute(api, loan, entry.pk, message)

    assert response.status_code == 400 and "message" in response.json()
    assert not Dispute.objects.exists()


@pytest.mark.parametrize("entry", [None, "abc", True, 1.5])
def test_a_dispute_must_name_an_entry(api, loan, entry):
    response = dispute(api, loan, entry)

    assert response.status_code == 400 and "entry" in response.json()
    assert not Dispute.objects.exists()


def test_an_entry_that_does_not_exist_is_404(api, loan):
    response = dispute(api, loan, 10**12)

    assert response.status_code == 404
    assert not Dispute.objects.exists()


def test_a_correction_itself_cannot_be_questioned(api, loan):
    paid = loan.entries.filter(kind="payment").first()
    correction = LedgerEntry.objects.create(
        loan=loan,
        external_id="fix-1",
        kind="reversal",
        effective_date=paid.effective_date,
        amount=paid.amount,
        reverses=paid,
        source="lender",
    )

    assert dispute(api, loan, correction.pk).status_code == 404
