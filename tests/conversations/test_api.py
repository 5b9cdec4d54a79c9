"""The borrower API's conversations: listed and read back, written once per Idempotency-Key,
checked as the pages check, and scoped to the borrower."""

import uuid

import pytest
from rest_framework.test import APIClient

from portal.audit.actors import Actor
from portal.conversations.models import Post, Thread, ThreadStatus
from portal.conversations.threads import NewThread, staff_replies, start_thread
from tests.repayment.plan_fixtures import late_loan

URL = "/api/v1/conversations/"


@pytest.fixture
def api(loan):
    client = APIClient()
    client.force_authenticate(loan.borrower.user)
    return client


def post(api, url, body, key=None):
    return api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key or uuid.uuid4().hex)


def _body(loan, **changes):
    return {
        "about": "loan",
        "loan": loan.reference,
        "subject": "Next payment",
        "text": "When is my next payment?",
        **changes,
    }


def test_a_thread_is_started_read_back_and_listed(api, loan):
    response = post(api, URL, _body(loan))
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["loan"], body["about"]) == ("waiting", loan.reference, "loan")
    assert body["answer_by"]
    assert [p["text"] for p in body["posts"]] == ["When is my next payment?"]
    assert [t["id"] for t in api.get(URL).json()] == [body["id"]]
    detail = api.get(f"{URL}{body['id']}/").json()
    assert detail["posts"][0]["author"] == "borrower"


def test_the_same_key_makes_one_thread(api, loan):
    first = post(api, URL, _body(loan), key="thread-1")
    again = post(api, URL, _body(loan), key="thread-1")
    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert Thread.objects.count() == 1


def test_a_post_without_a_key_is_refused(api, loan):
    response = api.post(URL, _body(loan), format="json")
    assert response.status_code == 400
    assert not Thread.objects.exists()


def test_bad_input_names_the_field_and_writes_nothing(api, loan):
    response = post(api, URL, _body(loan, about="gossip", text=""))
    assert response.status_code == 400
    assert set(response.json()) >= {"about", "text"}
    assert not Thread.objects.exists()


def test_a_reply_is_added_and_a_staff_reply_reads_as_support(api, loan, agent):
    thread = start_thread(
        borrower=loan.borrower,
        new=NewThread(about="general", subject="Hi", text="A question."),
    )
    staff_replies(thread=thread, text="Here is our answer.", acting=Actor(user=agent))
    response = post(api, f"{URL}{thread.pk}/posts/", {"text": "Thank you."})
    assert response.status_code == 201
    detail = api.get(f"{URL}{thread.pk}/").json()
    assert [(p["author"], p["text"]) for p in detail["posts"]] == [
        ("borrower", "A question."),
        ("staff", "Here is our answer."),
        ("borrower", "Thank you."),
    ]
    assert detail["status"] == ThreadStatus.WAITING
    assert "agent" not in str(detail)


def test_another_borrowers_thread_is_404_to_read_and_to_write(api):
    other = late_loan()
    theirs = start_thread(
        borrower=other.borrower,
        new=NewThread(about="loan", subject="Private", text="Mine.", loan=other),
    )
    assert api.get(f"{URL}{theirs.pk}/").status_code == 404
    assert post(api, f"{URL}{theirs.pk}/posts/", {"text": "Hello"}).status_code == 404
    assert api.get(URL).json() == []
    assert Post.objects.filter(thread=theirs).count() == 1


def test_another_borrowers_loan_cannot_be_named(api):
    other = late_loan()
    response = post(api, URL, _body(other))
    assert response.status_code == 400
    assert "loan" in response.json()
    assert not Thread.objects.filter(borrower__loans=other).exists()
