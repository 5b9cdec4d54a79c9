"""The review queue: what waits, oldest first across kinds, who has it, and taking it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.audit.models import Record
from portal.support import queue
from portal.support.models import Assignment
from repayment.models import Pause, Proposal, ProposalStatus

from .staff import signed_in, staff_user
from .work_fixtures import waiting_dispute, waiting_pause, waiting_proposal, waiting_thread

pytestmark = pytest.mark.django_db
D = Decimal


def test_queue_can_be_read_longest_waiting_first_across_kinds(agent_client):
    oldest = waiting_proposal(hours_ago=80)
    newest = waiting_dispute(hours_ago=2)
    middle = waiting_pause(hours_ago=30)
    items = queue.waiting(user=None, order=queue.BY_WAITING)
    assert [(i.kind, i.pk) for i in items] == [
        ("proposal", oldest.pk),
        ("pause", middle.pk),
        ("dispute", newest.pk),
    ]
    page = agent_client.get(reverse("support:queue"), {"order": "waiting"}).content.decode()
    where = [
        page.index(reverse(f"support:{kind}", args=[obj.pk]))
        for kind, obj in [("proposal", oldest), ("pause", middle), ("dispute", newest)]
    ]
    assert where == sorted(where)
    assert "3 days 8 hours" in page  # the proposal's wait, in words


def test_answered_items_leave_the_queue(agent):
    proposal = waiting_proposal()
    Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.DECLINED)
    assert queue.waiting(user=agent) == ()


def test_overdue_answer_is_said_in_words(agent_client):
    waiting_proposal(hours_ago=50, due_in_hours=-3)
    page = agent_client.get(reverse("support:queue")).content.decode()
    assert "Overdue by 3 hours" in page


def test_filters_show_mine_and_nobodys(agent, supervisor, agent_client):
    mine, theirs, free = waiting_proposal(), waiting_pause(), waiting_dispute()
    Assignment.objects.create(kind="proposal", object_id=mine.pk, user=agent)
    Assignment.objects.create(kind="pause", object_id=theirs.pk, user=supervisor)
    assert [i.pk for i in queue.waiting(user=agent, show="mine")] == [mine.pk]
    assert [(i.kind, i.pk) for i in queue.waiting(user=agent, show="nobody")] == [
        ("dispute", free.pk)
    ]
    assert len(queue.waiting(user=agent, show="all")) == 3
    page = agent_client.get(reverse("support:queue") + "?show=mine").content.decode()
    assert reverse("support:proposal", args=[mine.pk]) in page
    assert reverse("support:pause", args=[theirs.pk]) not in page


def test_an_agent_takes_a_free_item_and_it_is_recorded(agent, agent_client):
    proposal = waiting_proposal()
    response = agent_client.post(reverse("support:take", args=["proposal", proposal.pk]))
    assert response.status_code == 302
    assert Assignment.objects.get(kind="proposal", object_id=proposal.pk).user == agent
    record = Record.objects.get(action="proposal.taken")
    assert record.actor == agent and record.borrower == proposal.loan.borrower
    page = agent_client.get(reverse("support:queue")).content.decode()
    assert "<strong>You</strong>" in page and "Take it</button>" not in page


def test_an_agent_cannot_take_one_someone_else_has(client, agent, agent_client):
    other = staff_user("agent", first_name="Mei", last_name="Lin")
    pause = waiting_pause()
    Assignment.objects.create(kind="pause", object_id=pause.pk, user=other)
    response = agent_client.post(reverse("support:take", args=["pause", pause.pk]), follow=True)
    assert "Mei Lin is already dealing with this" in response.content.decode()
    assert Assignment.objects.get(kind="pause", object_id=pause.pk).user == other
    assert not Record.objects.filter(action="pause.taken").exists()


def test_a_supervisor_takes_over(client, agent, supervisor):
    pause = waiting_pause()
    Assignment.objects.create(kind="pause", object_id=pause.pk, user=agent)
    signed_in(client, supervisor)
    response = client.post(reverse("support:take", args=["pause", pause.pk]), follow=True)
    assert "taken this over" in response.content.decode()
    assert Assignment.objects.get(kind="pause", object_id=pause.pk).user == supervisor
    assert Record.objects.get(action="pause.taken").details == {"from": agent.username}


def test_an_agent_cannot_take_a_dispute_they_cannot_resolve(agent_client):
    dispute = waiting_dispute()
    response = agent_client.post(reverse("support:take", args=["dispute", dispute.pk]), follow=True)
    assert "cannot answer this kind" in response.content.decode()
    assert not Assignment.objects.exists()


def test_taking_an_answered_item_says_so(agent_client):
    proposal = waiting_proposal()
    Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.DECLINED)
    response = agent_client.post(
        reverse("support:take", args=["proposal", proposal.pk]), follow=True
    )
    assert "no longer waiting" in response.content.decode()
    assert not Assignment.objects.exists()


def test_take_needs_post_and_a_known_kind(agent_client):
    proposal = waiting_proposal()
    assert (
        agent_client.get(reverse("support:take", args=["proposal", proposal.pk])).status_code == 405
    )
    assert agent_client.post(reverse("support:take", args=["loan", proposal.pk])).status_code == 404


def test_reviewer_cannot_open_the_queue(client, reviewer):
    signed_in(client, reviewer)
    assert client.get(reverse("support:queue")).status_code == 403


def test_queue_reads_in_four_queries_whatever_its_length(agent, django_assert_num_queries):
    for hours in range(3):
        waiting_proposal(hours_ago=hours)
        waiting_pause(hours_ago=hours)
        waiting_dispute(hours_ago=hours)
        waiting_thread(hours_ago=hours)
    Assignment.objects.create(kind="pause", object_id=Pause.objects.first().pk, user=agent)
    with django_assert_num_queries(4):
        items = queue.waiting(user=agent)
    assert len(items) == 12
    with django_assert_num_queries(4):
        assert len(queue.waiting(user=agent, show="mine", due="overdue")) == 0


def test_queue_page_queries_do_not_grow_with_the_queue(agent_client):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert agent_client.get(reverse("support:queue")).status_code == 200
        return len(captured)

    count()  # the first request of a session reads more (the session, the login's perms)
    waiting_proposal(), waiting_pause(), waiting_dispute()
    few = count()
    for _ in range(4):
        waiting_proposal(), waiting_pause(), waiting_dispute()
    assert count() == few


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0, "under a minute"),
        (5, "5 minutes"),
        (61, "1 hour 1 minute"),
        (60 * 24 * 3 + 240, "3 days 4 hours"),
        (60 * 24, "1 day"),
    ],
)
def test_waits_in_words(minutes, words):
    assert queue.how_long(dt.timedelta(minutes=minutes)) == words


def test_queue_and_work_pages_render_in_chinese(agent_client):
    from django.utils import translation

    proposal, pause = waiting_proposal(hours_ago=30), waiting_pause()
    with translation.override("zh-hans"):
        urls = [
            reverse("support:queue"),
            reverse("support:proposal", args=[proposal.pk]),
            reverse("support:pause", args=[pause.pk]),
        ]
    for url in urls:
        response = agent_client.get(url)
        assert response.status_code == 200
        assert '<html lang="zh-hans">' in response.content.decode()
