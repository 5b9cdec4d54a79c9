"""The console's side: the list in the order staff should answer, a reply refused for its
wording, and only the roles that reply to borrowers may."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from portal.audit.models import Record
from portal.conversations.models import Thread, ThreadStatus
from portal.conversations.selectors import console_threads
from portal.conversations.threads import NewThread, start_thread
from portal.notifications.models import OutboundMessage
from tests.support.staff import signed_in, staff_user


def _thread(loan, subject="Question", **changes):
    thread = start_thread(
        borrower=loan.borrower,
        new=NewThread(about="loan", subject=subject, text="When is my next payment?", loan=loan),
    )
    if changes:
        Thread.objects.filter(pk=thread.pk).update(**changes)
        thread.refresh_from_db()
    return thread


def test_waiting_threads_come_first_the_overdue_leading(loan):
    now = timezone.now()
    answered = _thread(
        loan, "answered", status=ThreadStatus.ANSWERED, answer_by=now - dt.timedelta(days=9)
    )
    later = _thread(loan, "due tomorrow", answer_by=now + dt.timedelta(days=1))
    overdue = _thread(loan, "overdue", answer_by=now - dt.timedelta(hours=3))
    soon = _thread(loan, "due in an hour", answer_by=now + dt.timedelta(hours=1))
    closed = _thread(loan, "closed", status=ThreadStatus.CLOSED)
    # Then the rest, the most recently active first.
    assert list(console_threads()) == [overdue, soon, later, closed, answered]


def test_the_console_list_marks_the_overdue(loan, agent_client):
    _thread(loan, "Overdue one", answer_by=timezone.now() - dt.timedelta(hours=1))
    _thread(loan, "On time one", answer_by=timezone.now() + dt.timedelta(hours=5))
    page = agent_client.get(reverse("console_conversations:list")).content.decode()
    assert page.index("Overdue one") < page.index("On time one")
    assert page.count(">Overdue<") == 1


@pytest.mark.parametrize(
    "reply",
    [
        "Pay by Friday or we will send the police to your home.",
        "请马上还款，否则我们会通知您的单位和家人。",
    ],
)
def test_a_threatening_reply_is_refused_and_nothing_is_sent(loan, agent_client, reply):
    thread = _thread(loan)
    response = agent_client.post(
        reverse("console_conversations:thread", args=[thread.pk]), {"text": reply}
    )
    assert response.status_code == 200
    assert "Say calmly what happens next" in response.content.decode()
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.WAITING
    assert not thread.posts.filter(author_kind="staff").exists()
    assert not OutboundMessage.objects.filter(event="support_replied").exists()
    assert not Record.objects.filter(action="conversation.replied").exists()


def test_a_reply_full_of_jargon_is_refused(loan, agent_client):
    thread = _thread(loan)
    response = agent_client.post(
        reverse("console_conversations:thread", args=[thread.pk]),
        {"text": "Your arrears accrue pursuant to the agreement."},
    )
    assert response.status_code == 200
    assert "try “money you owe that is late”" in response.content.decode()
    assert not thread.posts.filter(author_kind="staff").exists()


def test_closing_with_the_reply(loan, agent_client):
    thread = _thread(loan)
    agent_client.post(
        reverse("console_conversations:thread", args=[thread.pk]),
        {"text": "Your next payment is on the 10th.", "close": "on"},
    )
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.CLOSED


def test_a_role_that_does_not_reply_reads_but_cannot_send(loan, client):
    thread = _thread(loan)
    reader = staff_user("editor")
    reader.user_permissions.add(Permission.objects.get(codename="use_console"))
    staff = signed_in(client, reader)
    url = reverse("console_conversations:thread", args=[thread.pk])
    page = staff.get(url)
    assert page.status_code == 200
    assert "Your role does not reply" in page.content.decode()
    assert staff.post(url, {"text": "Your next payment is on the 10th."}).status_code == 403
    assert not thread.posts.filter(author_kind="staff").exists()


def test_a_borrower_cannot_open_the_console_thread(loan, client):
    thread = _thread(loan)
    client.force_login(loan.borrower.user)
    response = client.get(reverse("console_conversations:thread", args=[thread.pk]))
    assert response.status_code in (302, 403)
    assert not Record.objects.filter(kind="view", action="conversation").exists()
