"""A borrower sees only their own threads: another borrower's is a 404, on the pages and
through the API."""

from django.urls import reverse

from portal.conversations.models import Thread
from portal.conversations.threads import NewThread, start_thread
from tests.repayment.plan_fixtures import late_loan


def _thread_of(loan):
    return start_thread(
        borrower=loan.borrower,
        new=NewThread(about="loan", subject="Mine", text="A private question.", loan=loan),
    )


def test_another_borrowers_thread_is_404(borrower_client, loan):
    theirs = _thread_of(late_loan())
    url = reverse("conversations:thread", args=[theirs.pk])
    assert borrower_client.get(url).status_code == 404
    assert borrower_client.post(url, {"text": "Hello"}).status_code == 404
    assert theirs.posts.count() == 1


def test_the_list_shows_only_my_threads(borrower_client, loan):
    _thread_of(loan)
    other = _thread_of(late_loan())
    Thread.objects.filter(pk=other.pk).update(subject="Someone else's")
    page = borrower_client.get(reverse("conversations:list")).content.decode()
    assert "Mine" in page and "Someone else" not in page


def test_a_new_thread_cannot_name_another_borrowers_loan(borrower_client, loan):
    other = late_loan()
    response = borrower_client.post(
        reverse("conversations:new"),
        {"about": "loan", "loan": other.reference, "subject": "x", "text": "y"},
    )
    assert response.status_code == 200
    assert not Thread.objects.exists()
