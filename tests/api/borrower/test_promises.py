"""Promises to pay through the API: made once per Idempotency-Key, read back, refused with
the reason and nothing changed."""

import datetime as dt

import pytest

from repayment.models import Pause, PauseReason, PauseStatus, Promise
from tests.repayment.plan_fixtures import today_in

from .conftest import loan_url, post

pytestmark = pytest.mark.django_db


def promise(api, loan, *, key=None, **changes):
    body = {
        "amount": "200.00",
        "pay_by": (today_in() + dt.timedelta(days=5)).isoformat(),
        **changes,
    }
    return post(api, loan_url(loan, "promises/"), body, key=key)


def test_a_promise_is_made_and_read_back(api, loan):
    response = promise(api, loan)

    assert response.status_code == 201
    body = response.json()
    assert (body["amount"], body["status"], body["status_label"]) == ("200.00", "open", "Open")
    held = (today_in() + dt.timedelta(days=7)).isoformat()
    assert body["reminders_held_until"] == held
    assert body["paid"] is None
    listed = api.get(loan_url(loan, "promises/")).json()
    assert [item["id"] for item in listed] == [body["id"]]


def test_the_same_key_and_body_replays_the_answer_and_makes_one_promise(api, loan):
    first = promise(api, loan, key="promise-1")
    again = promise(api, loan, key="promise-1")

    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert Promise.objects.count() == 1


def test_a_promise_needs_an_idempotency_key(api, loan):
    response = promise(api, loan, key="")

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()
    assert not Promise.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": "0"}, "amount", "Enter an amount such as 550"),
        ({"amount": "1100.01"}, "amount", "You can promise up to the amount due now"),
        ({"pay_by": "2020-01-01"}, "pay_by", "Choose today or a day after it."),
        ({"pay_by": "next week"}, "pay_by", "YYYY-MM-DD"),
    ],
)
def test_a_bad_promise_names_the_field_and_changes_nothing(api, loan, changes, field, message):
    response = promise(api, loan, **changes)

    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert not Promise.objects.exists()


def test_a_date_too_far_ahead_says_the_limit(api, loan):
    response = promise(api, loan, pay_by=(today_in() + dt.timedelta(days=15)).isoformat())

    assert response.status_code == 400
    assert response.json()["pay_by"] == ["Choose a day within 14 days from today."]


def test_a_second_open_promise_is_a_conflict(api, loan):
    promise(api, loan)

    response = promise(api, loan)

    assert response.status_code == 409
    assert response.json() == {
        "detail": "You have already told us when you will pay. We will wait until then.",
        "code": "refused",
    }
    assert Promise.objects.count() == 1


def test_refused_during_a_pause(api, loan):
    today = today_in()
    Pause.objects.create(
        loan=loan,
        reason=PauseReason.ILLNESS,
        starts_on=today,
        ends_on=today + dt.timedelta(days=9),
        status=PauseStatus.GRANTED,
    )

    response = promise(api, loan)

    assert response.status_code == 409
    assert "paused" in response.json()["detail"]


def test_another_borrowers_loan_is_not_found(api, other_loan):
    assert promise(api, other_loan).status_code == 404
    assert api.get(loan_url(other_loan, "promises/")).status_code == 404
