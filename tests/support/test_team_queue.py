"""A console for a team: answer-by times on every kind of waiting item (overdue first), the
dashboard's counts, giving an item to a named colleague, a supervisor's sign-off, and who is
signed in."""

import datetime as dt

import pytest
from django.template.defaultfilters import date as date_filter
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.audit.models import Record
from portal.conversations.models import Thread, ThreadStatus
from portal.support import queue
from portal.support.models import Assignment, SignOff, SignOffStatus

from .staff import signed_in, staff_user
from .work_fixtures import waiting_dispute, waiting_pause, waiting_proposal, waiting_thread

pytestmark = pytest.mark.django_db
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def page(client, **params) -> str:
    return client.get(reverse("support:queue"), params).content.decode()


def position(html: str, kind: str, pk: int) -> int:
    return html.index(reverse(f"support:{kind}", args=[pk]))


# When answers are due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Friday afternoon: Saturday and Sunday do not count.
        (dt.datetime(2026, 12, 4, 15, 0), dt.datetime(2026, 12, 8, 15, 0)),
        # Monday morning: Wednesday morning.
        (dt.datetime(2026, 12, 7, 9, 30), dt.datetime(2026, 12, 9, 9, 30)),
        # Saturday: counted from Monday, so by the end of Tuesday.
        (dt.datetime(2026, 12, 5, 11, 0), dt.datetime(2026, 12, 9, 0, 0)),
    ],
)
def test_a_pause_or_dispute_is_due_two_working_days_after_it_came_in(received, due):
    received = received.replace(tzinfo=SHANGHAI)
    assert queue.reply_due(received, time_zone="Asia/Shanghai") == due.replace(tzinfo=SHANGHAI)


def test_pauses_and_disputes_show_their_answer_due_time(agent_client):
    pause, dispute = waiting_pause(hours_ago=1), waiting_dispute(hours_ago=1)
    html = page(agent_client)
    assert "No set time" not in html
    for item in queue.waiting(user=None):
        assert item.due_at is not None
        assert date_filter(timezone.localtime(item.due_at), "DATETIME_FORMAT") in html
    assert {(i.kind, i.pk) for i in queue.waiting(user=None)} == {
        ("pause", pause.pk),
        ("dispute", dispute.pk),
    }


def test_the_overdue_pause_is_listed_before_an_older_proposal_not_yet_due(agent_client):
    # 100 hours back holds at most one weekend: more than two working days have passed.
    late_pause = waiting_pause(hours_ago=100)
    old_proposal = waiting_proposal(hours_ago=200, due_in_hours=10)
    html = page(agent_client)
    assert position(html, "pause", late_pause.pk) < position(html, "proposal", old_proposal.pk)
    assert "Overdue by" in html
    # Longest waiting first puts the proposal back on top.
    html = page(agent_client, order="waiting")
    assert position(html, "proposal", old_proposal.pk) < position(html, "pause", late_pause.pk)


def test_the_queue_filters_overdue_and_due_today(agent_client):
    late = waiting_proposal(hours_ago=50, due_in_hours=-2)
    soon = waiting_proposal(hours_ago=5, due_in_hours=0.01)
    later = waiting_proposal(hours_ago=1, due_in_hours=30)
    overdue = page(agent_client, due="overdue")
    assert reverse("support:proposal", args=[late.pk]) in overdue
    assert reverse("support:proposal", args=[soon.pk]) not in overdue
    assert reverse("support:proposal", args=[later.pk]) not in overdue
    today = page(agent_client, due="today")
    assert reverse("support:proposal", args=[soon.pk]) in today
    assert reverse("support:proposal", args=[later.pk]) not in today
    assert "Due today" in today


def test_nothing_overdue_says_so(agent_client):
    waiting_proposal(due_in_hours=30)
    assert "Nothing is overdue." in page(agent_client, due="overdue")


# Borrowers' messages in the queue


def test_a_waiting_message_is_in_the_queue_with_its_answer_by_time(agent_client):
    thread = waiting_thread(hours_ago=30, answer_in_hours=-1)
    answered = waiting_thread(hours_ago=2)
    Thread.objects.filter(pk=answered.pk).update(status=ThreadStatus.ANSWERED)
    proposal = waiting_proposal(hours_ago=40, due_in_hours=5)
    items = queue.waiting(user=None)
    assert [(i.kind, i.pk) for i in items] == [("message", thread.pk), ("proposal", proposal.pk)]
    assert items[0].due_at == thread.answer_by and items[0].overdue(timezone.now())
    html = page(agent_client)
    assert reverse("console_conversations:thread", args=[thread.pk]) in html
    assert reverse("console_conversations:thread", args=[answered.pk]) not in html
    assert "Message from a borrower" in html


def test_an_agent_takes_a_message_and_it_is_recorded(agent, agent_client):
    thread = waiting_thread()
    agent_client.post(reverse("support:take", args=["message", thread.pk]))
    assert Assignment.objects.get(kind="message", object_id=thread.pk).user == agent
    assert Record.objects.get(action="message.taken").borrower == thread.borrower


# The dashboard


def test_the_dashboard_counts_overdue_and_due_today(supervisor_client):
    waiting_proposal(hours_ago=50, due_in_hours=-2)
    waiting_pause(hours_ago=100)  # overdue
    waiting_thread(answer_in_hours=0.01)  # due in a minute
    waiting_proposal(due_in_hours=100)
    counts = queue.due_counts()
    assert (counts.overdue, counts.due_today, counts.waiting) == (2, 1, 4)
    html = supervisor_client.get(reverse("support:dashboard")).content.decode()
    assert "Answers overdue" in html and "Answers due later today" in html
    assert f'?due=overdue">{counts.overdue}</a>' in html
    assert f'?due=today">{counts.due_today}</a>' in html


# Giving an item to a named colleague


def test_an_agent_gives_a_proposal_to_a_named_colleague(agent, agent_client):
    mei = staff_user("agent", first_name="Mei", last_name="Lin")
    proposal = waiting_proposal()
    html = page(agent_client)
    assert f'<option value="{mei.pk}">Mei Lin</option>' in html

    response = agent_client.post(
        reverse("support:assign", args=["proposal", proposal.pk]), {"to": mei.pk}, follow=True
    )

    assert "Given to Mei Lin." in response.content.decode()
    assert Assignment.objects.get(kind="proposal", object_id=proposal.pk).user == mei
    record = Record.objects.get(action="proposal.assigned")
    assert record.actor == agent and record.details["to"] == "Mei Lin"
    assert record.borrower == proposal.loan.borrower


def test_an_item_cannot_go_to_someone_who_cannot_answer_it(agent_client, reviewer):
    proposal = waiting_proposal()
    response = agent_client.post(
        reverse("support:assign", args=["proposal", proposal.pk]), {"to": reviewer.pk}, follow=True
    )
    assert "cannot answer this kind of request" in response.content.decode()
    assert not Assignment.objects.exists()
    assert not Record.objects.filter(action="proposal.assigned").exists()


def test_an_agent_cannot_move_a_colleagues_item_but_a_supervisor_can(agent, agent_client, client):
    mei = staff_user("agent", first_name="Mei", last_name="Lin")
    pause = waiting_pause()
    Assignment.objects.create(kind="pause", object_id=pause.pk, user=mei)
    response = agent_client.post(
        reverse("support:assign", args=["pause", pause.pk]), {"to": agent.pk}, follow=True
    )
    assert "Mei Lin is already dealing with this" in response.content.decode()
    assert Assignment.objects.get(kind="pause", object_id=pause.pk).user == mei

    boss = staff_user("supervisor", first_name="Ana", last_name="Diaz")
    other = Client()
    signed_in(other, boss)
    other.post(reverse("support:assign", args=["pause", pause.pk]), {"to": agent.pk})
    assert Assignment.objects.get(kind="pause", object_id=pause.pk).user == agent
    assert Record.objects.get(action="pause.assigned").details["from"] == "Mei Lin"


# A supervisor's sign-off


def ask(client, kind, pk, supervisor, note="Beyond the policy: 18 months asked for."):
    return client.post(
        reverse("support:ask_sign_off", args=[kind, pk]),
        {"supervisor": supervisor.pk, "note": note},
        follow=True,
    )


def test_a_supervisor_sees_a_sign_off_request_and_signs_it_off(agent, agent_client):
    boss = staff_user("supervisor", first_name="Ana", last_name="Diaz")
    proposal = waiting_proposal()
    response = ask(agent_client, "proposal", proposal.pk, boss)
    assert "Sent to Ana Diaz for sign-off" in response.content.decode()
    assert Record.objects.get(action="proposal.sign_off_requested").details["supervisor"] == (
        "Ana Diaz"
    )

    boss_client = signed_in(Client(), boss)
    html = page(boss_client)
    assert "Waiting for your sign-off" in html and "18 months asked for" in html
    sign_off = SignOff.objects.get()
    response = boss_client.post(
        reverse("support:answer_sign_off", args=[sign_off.pk]),
        {"decision": "sign_off", "note": ""},
        follow=True,
    )
    assert "Signed off." in response.content.decode()
    sign_off.refresh_from_db()
    assert sign_off.status == SignOffStatus.SIGNED_OFF
    record = Record.objects.get(action="proposal.signed_off")
    assert record.actor == boss and record.borrower == proposal.loan.borrower
    assert "Waiting for your sign-off" not in page(boss_client)
    assert "Signed off by Ana Diaz" in page(agent_client)


def test_sending_back_needs_a_note_and_the_asker_sees_it(agent, agent_client):
    boss = staff_user("supervisor", first_name="Ana", last_name="Diaz")
    pause = waiting_pause()
    ask(agent_client, "pause", pause.pk, boss)
    sign_off = SignOff.objects.get()
    boss_client = signed_in(Client(), boss)
    url = reverse("support:answer_sign_off", args=[sign_off.pk])

    response = boss_client.post(url, {"decision": "send_back", "note": " "}, follow=True)
    assert "Say why you are sending it back" in response.content.decode()
    sign_off.refresh_from_db()
    assert sign_off.status == SignOffStatus.WAITING
    assert not Record.objects.filter(action="pause.sent_back").exists()

    boss_client.post(url, {"decision": "send_back", "note": "Ask for the payslip first."})
    sign_off.refresh_from_db()
    assert sign_off.status == SignOffStatus.SENT_BACK
    assert Record.objects.get(action="pause.sent_back").reason == "Ask for the payslip first."
    assert "Sent back by Ana Diaz: Ask for the payslip first." in page(agent_client)


def test_only_the_named_supervisor_answers_and_agents_cannot(agent, agent_client):
    boss = staff_user("supervisor", first_name="Ana", last_name="Diaz")
    ask(agent_client, "proposal", waiting_proposal().pk, boss)
    sign_off = SignOff.objects.get()
    url = reverse("support:answer_sign_off", args=[sign_off.pk])
    assert agent_client.post(url, {"decision": "sign_off"}).status_code == 403
    another = signed_in(Client(), staff_user("supervisor"))
    response = another.post(url, {"decision": "sign_off"}, follow=True)
    assert "not waiting for you" in response.content.decode()
    sign_off.refresh_from_db()
    assert sign_off.status == SignOffStatus.WAITING


def test_a_sign_off_cannot_be_asked_of_an_agent_or_twice(agent, agent_client):
    mei = staff_user("agent", first_name="Mei", last_name="Lin")
    boss = staff_user("supervisor", first_name="Ana", last_name="Diaz")
    proposal = waiting_proposal()
    response = ask(agent_client, "proposal", proposal.pk, mei)
    assert "Choose a supervisor who can sign this off." in response.content.decode()
    ask(agent_client, "proposal", proposal.pk, boss)
    response = ask(agent_client, "proposal", proposal.pk, boss)
    assert "already waiting" in response.content.decode()
    assert SignOff.objects.count() == 1
    assert Record.objects.filter(action="proposal.sign_off_requested").count() == 1


def test_the_answer_is_not_mistaken_for_the_items_answer(agent, agent_client):
    boss = staff_user("supervisor")
    proposal = waiting_proposal()
    ask(agent_client, "proposal", proposal.pk, boss)
    assert queue.last_answer(proposal) is None


# Who is signed in


def test_the_console_header_says_who_is_signed_in_and_their_role(client):
    mei = staff_user("agent", first_name="Mei", last_name="Lin")
    signed_in(client, mei)
    html = page(client)
    assert "Signed in as Mei Lin (Support agent)" in html
    boss = staff_user("supervisor", first_name="Ana", last_name="Diaz")
    html = signed_in(Client(), boss).get(reverse("support:search")).content.decode()
    assert "Signed in as Ana Diaz (Support supervisor)" in html


def test_the_dashboard_counts_every_overdue_answer_not_the_queues_first_page(monkeypatch):
    monkeypatch.setattr(queue, "PAGE", 2)
    for _ in range(3):
        waiting_pause(hours_ago=100)

    assert len(queue.waiting(user=None)) == 2  # the queue shows a page
    assert queue.due_counts().overdue == 3  # the dashboard counts them all
