"""Taking a queue item, and taking it over: the assignment and its audit record together."""

import pytest

from portal.audit.actors import Actor
from portal.audit.models import Record
from portal.support import queue
from portal.support.actions import queue as queue_actions
from portal.support.actions.queue import do_take_item
from portal.support.models import Assignment
from tests.support.staff import staff_user
from tests.support.work_fixtures import waiting_dispute, waiting_pause, waiting_proposal

pytestmark = pytest.mark.django_db


def test_taking_a_free_item_gives_it_and_records_it(agent, as_agent):
    proposal = waiting_proposal()

    taken = do_take_item("proposal", proposal.pk, acting=as_agent)

    assert taken.previous_holder == ""
    assert Assignment.objects.get(kind="proposal", object_id=proposal.pk).user == agent
    record = Record.objects.get(action="proposal.taken")
    assert (record.actor, record.borrower, record.details) == (agent, proposal.loan.borrower, {})
    assert record.ip == "203.0.113.5"


def test_a_supervisor_takes_over_and_the_record_says_from_whom(agent, supervisor, as_supervisor):
    pause = waiting_pause()
    Assignment.objects.create(kind="pause", object_id=pause.pk, user=agent)

    taken = do_take_item("pause", pause.pk, acting=as_supervisor)

    assert taken.previous_holder == agent.username
    assert Assignment.objects.get(kind="pause", object_id=pause.pk).user == supervisor
    assert Record.objects.get(action="pause.taken").details == {"from": agent.username}


def test_a_refused_take_writes_nothing(as_agent):
    other = staff_user("agent", first_name="Mei", last_name="Lin")
    pause = waiting_pause()
    Assignment.objects.create(kind="pause", object_id=pause.pk, user=other)

    with pytest.raises(queue.QueueError, match="Mei Lin is already dealing with this"):
        do_take_item("pause", pause.pk, acting=as_agent)

    assert Assignment.objects.get(kind="pause", object_id=pause.pk).user == other
    assert not Record.objects.exists()


def test_a_role_that_cannot_answer_the_kind_cannot_take_it(agent):
    dispute = waiting_dispute()

    with pytest.raises(queue.QueueError, match="cannot answer this kind"):
        do_take_item("dispute", dispute.pk, acting=Actor(agent))

    assert not Assignment.objects.exists() and not Record.objects.exists()


def test_a_record_that_fails_undoes_the_take(as_agent, monkeypatch):
    proposal = waiting_proposal()

    def broken(**kwargs):
        raise RuntimeError("the audit trail is down")

    monkeypatch.setattr(queue_actions, "record_action", broken)
    with pytest.raises(RuntimeError):
        do_take_item("proposal", proposal.pk, acting=as_agent)

    assert not Assignment.objects.exists()
