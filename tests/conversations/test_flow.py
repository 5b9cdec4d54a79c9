"""A thread from the borrower's first message to the agent's reply and the borrower's
notification, with the audit rows each step leaves."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from portal.audit.models import Record
from portal.conversations.models import Post, Thread, ThreadStatus
from portal.notifications.models import OutboundMessage

from .files import png


def _write(client, loan, **fields):
    data = {
        "about": "loan",
        "loan": loan.reference if loan else "",
        "subject": "When is my next payment?",
        "text": "Hello, I am not sure when my next payment is due.",
        **fields,
    }
    return client.post(reverse("conversations:new"), data)


def test_borrower_to_agent_to_reply_and_notification(borrower_client, loan, agent, client):
    response = _write(borrower_client, loan, files=[png()])
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("conversations:thread", args=[thread.pk])
    assert thread.status == ThreadStatus.WAITING
    assert thread.loan == loan
    assert thread.answer_by > thread.created_at + dt.timedelta(hours=47)
    post = thread.posts.get()
    assert post.attachments.get().content_type == "image/png"

    from tests.support.staff import signed_in

    agent_client = signed_in(client, agent)
    queue = agent_client.get(reverse("console_conversations:list"))
    assert "When is my next payment?" in queue.content.decode()
    page = agent_client.get(reverse("console_conversations:thread", args=[thread.pk]))
    assert "not sure when my next payment" in page.content.decode()
    viewed = Record.objects.get(kind="view", action="conversation")
    assert (viewed.actor, viewed.borrower) == (agent, loan.borrower)

    reply = "Your next payment of 550.00 is due on the 10th. You can pay it from your loan page."
    answered = agent_client.post(
        reverse("console_conversations:thread", args=[thread.pk]), {"text": reply}
    )
    assert answered.status_code == 302
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.ANSWERED
    staff_post = thread.posts.get(author_kind="staff")
    assert staff_post.staff_user == agent and staff_post.text == reply
    replied = Record.objects.get(kind="change", action="conversation.replied")
    assert (replied.actor, replied.borrower) == (agent, loan.borrower)
    told = OutboundMessage.objects.filter(borrower=loan.borrower, event="support_replied")
    assert {m.channel for m in told} >= {"in_portal"}
    centre = told.get(channel="in_portal")
    assert reverse("conversations:thread", args=[thread.pk]) in centre.body
    # The message says a reply is waiting; the reply's words stay behind the sign-in.
    assert reply not in "".join(m.body for m in told)

    borrower_page = borrower_client_get(loan, thread)
    assert reply in borrower_page


def borrower_client_get(loan, thread):
    from django.test import Client

    client = Client()
    client.force_login(loan.borrower.user)
    return client.get(reverse("conversations:thread", args=[thread.pk])).content.decode()


def test_the_borrowers_access_log_shows_the_staff_read(borrower_client, loan, agent, client):
    _write(borrower_client, loan)
    thread = Thread.objects.get()
    from tests.support.staff import signed_in

    signed_in(client, agent).get(reverse("console_conversations:thread", args=[thread.pk]))
    client.logout()
    client.force_login(loan.borrower.user)
    log = client.get(reverse("staff_views")).content.decode()
    assert "Your conversation with support" in log


def test_writing_again_keeps_the_first_answer_by_time(borrower_client, loan):
    _write(borrower_client, loan)
    thread = Thread.objects.get()
    first = thread.answer_by
    borrower_client.post(reverse("conversations:thread", args=[thread.pk]), {"text": "Also this."})
    thread.refresh_from_db()
    assert thread.answer_by == first
    assert thread.posts.count() == 2


def test_a_new_message_is_refused_without_words_and_nothing_is_written(borrower_client, loan):
    response = _write(borrower_client, loan, text="")
    assert response.status_code == 200
    assert "Write your message." in response.content.decode()
    assert not Thread.objects.exists() and not Post.objects.exists()


def test_the_form_is_filled_in_from_the_loan_page_link(borrower_client, loan):
    response = borrower_client.get(
        reverse("conversations:new") + f"?loan={loan.reference}&about=plan"
    )
    form = response.context["form"]
    assert form.initial["about"] == "plan"
    assert form.initial["loan"] == loan


@pytest.mark.parametrize("about", ["loan", "plan", "dispute"])
def test_a_message_about_a_loan_needs_the_loan(borrower_client, loan, about):
    response = _write(borrower_client, None, about=about)
    assert "Choose the loan your message is about." in response.content.decode()
    assert not Thread.objects.exists()


def test_a_message_once_sent_is_never_changed(borrower_client, loan):
    _write(borrower_client, loan)
    post = Post.objects.get()
    post.text = "Something else"
    with pytest.raises(TypeError):
        post.save()
    with pytest.raises(TypeError):
        Post.objects.all().delete()


def test_the_page_for_a_new_message_speaks_the_borrowers_language(borrower_client):
    """The files' help is worded when the page is shown, not when the form was first loaded."""
    for language, words in (
        ("zh-hans", "最多 3 个文件：JPEG 或 PNG 照片，或 PDF 文件，每个不超过 5 MB。"),
        ("en", "Up to 3 files: JPEG or PNG photos, or PDF documents, 5 MB each."),
    ):
        with translation.override(language):
            page = borrower_client.get(reverse("conversations:new")).content.decode()
        assert words in page, language
