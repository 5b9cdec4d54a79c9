"""Idempotency-Key on the POSTs that create plans and proposals: a retry gets the first answer
and makes nothing twice; the same key for something else is a 409; no key is a 400."""

import datetime as dt

import pytest
from django.db import connection
from rest_framework.test import APIClient

from portal.api.models import IdempotencyKey
from repayment.models import Budget, Plan, Proposal
from tests.concurrency import at_once
from tests.repayment.plan_fixtures import BUDGET, late_loan, today_in

from .conftest import loan_url, post

pytestmark = pytest.mark.django_db


def _offer(api, loan) -> str:
    return loan_url(
        loan, f"offers/{api.get(loan_url(loan, 'offers/')).json()['offers'][0]['code']}/accept/"
    )


def _proposal(amount="700"):
    start = today_in() + dt.timedelta(days=5)
    return {"budget": BUDGET, "amount": amount, "frequency": "monthly", "start": start.isoformat()}


def test_a_retried_accept_replays_the_first_answer_and_makes_no_second_plan(api, loan):
    url = _offer(api, loan)

    first = post(api, url, key="accept-1")
    again = post(api, url, key="accept-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert Plan.objects.count() == 1


def test_a_retried_proposal_makes_no_second_proposal_or_budget(api, loan):
    url = loan_url(loan, "proposals/")

    first = post(api, url, _proposal(), key="k")
    again = post(api, url, _proposal(), key="k")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Proposal.objects.count() == 1 and Budget.objects.count() == 1


def test_the_same_body_in_another_order_is_the_same_request(api, loan):
    url = loan_url(loan, "proposals/")
    body = _proposal()

    post(api, url, body, key="k")
    again = post(api, url, dict(reversed(list(body.items()))), key="k")

    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"


def test_the_same_key_with_another_body_is_a_conflict_and_changes_nothing(api, loan):
    url = loan_url(loan, "proposals/")
    post(api, url, _proposal("700"), key="k")

    response = post(api, url, _proposal("650"), key="k")

    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_reused"
    assert "already used for a different request" in response.json()["detail"]
    assert Proposal.objects.count() == 1


def test_the_same_key_on_another_endpoint_is_a_conflict(api, loan):
    post(api, loan_url(loan, "proposals/"), _proposal(), key="k")

    response = post(api, _offer(api, loan), key="k")

    assert response.status_code == 409
    assert not Plan.objects.exists()


@pytest.mark.parametrize("key", ["", "   ", "x" * 256])
def test_a_missing_or_unusable_key_is_refused_before_anything_happens(api, loan, key):
    response = api.post(
        _offer(api, loan), format="json", **({"HTTP_IDEMPOTENCY_KEY": key} if key else {})
    )

    assert response.status_code == 400
    assert list(response.json()) == ["Idempotency-Key"]
    assert not Plan.objects.exists() and not IdempotencyKey.objects.exists()


def test_a_refused_request_does_not_use_the_key_up(api, loan):
    url = loan_url(loan, "proposals/")

    refused = post(api, url, {**_proposal(), "amount": "-5"}, key="k")
    corrected = post(api, url, _proposal(), key="k")

    assert refused.status_code == 400
    assert corrected.status_code == 201 and "Idempotent-Replayed" not in corrected.headers
    assert Proposal.objects.count() == 1


def test_keys_belong_to_one_login(api, loan):
    other = late_loan()
    other_api = APIClient()
    other_api.force_authenticate(other.borrower.user)

    mine = post(api, _offer(api, loan), key="same")
    theirs = post(other_api, _offer(other_api, other), key="same")

    assert mine.status_code == theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs.headers
    assert Plan.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections")
@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_with_one_key_make_one_plan():
    loan = late_loan()
    user = loan.borrower.user
    probe = APIClient()
    probe.force_authenticate(user)
    url = _offer(probe, loan)

    def accept(_):
        client = APIClient()
        client.force_authenticate(user)
        return post(client, url, key="both")

    answers = at_once(accept, 2)

    assert sorted(answer.status_code for answer in answers) == [201, 201]
    assert answers[0].json() == answers[1].json()
    assert [answer.headers.get("Idempotent-Replayed") for answer in answers].count("true") == 1
    assert Plan.objects.count() == 1
