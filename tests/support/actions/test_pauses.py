"""Granting, declining and ending a pause: the decision, its audit record and the queue's
release together or not at all."""

import pytest

from portal.audit.models import Record
from portal.notifications.models import OutboundMessage
from portal.support.actions import pauses
from portal.support.actions.pauses import do_decline_pause, do_end_pause, do_grant_pause
from portal.support.models import Assignment
from repayment.hardship.pauses import PauseError, request_pause
from repayment.models import PauseStatus
from tests.repayment.plan_fixtures import late_loan, today_in
from tests.support.work_fixtures import waiting_pause

pytestmark = pytest.mark.django_db


def taken_by(user, pause):
    return Assignment.objects.create(kind="pause", object_id=pause.pk, user=user)


def told(pause, event):
    return OutboundMessage.objects.filter(borrower=pause.loan.borrower, event=event).exists()


def test_granting_decides_records_and_releases(agent, as_agent):
    pause = waiting_pause()
    taken_by(agent, pause)

    granted = do_grant_pause(pause, acting=as_agent, reason="Job loss, letter seen")

    assert granted.status == PauseStatus.GRANTED and granted.decided_by == agent
    record = Record.objects.get(kind="change")
    assert (record.action, record.reason, record.actor) == (
        "pause.granted",
        "Job loss, letter seen",
        agent,
    )
    assert record.borrower == pause.loan.borrower and record.details == {"note": ""}
    assert not Assignment.objects.exists()
    assert told(pause, "pause_granted")


def test_declining_keeps_the_note_in_the_record(as_agent):
    pause = waiting_pause()

    declined = do_decline_pause(pause, acting=as_agent, reason="No evidence", note="Call us.")

    assert declined.status == PauseStatus.DECLINED and declined.staff_note == "Call us."
    assert Record.objects.get(action="pause.declined").details == {"note": "Call us."}
    assert told(pause, "pause_declined")


def test_ending_a_granted_pause_ends_it_today(as_agent):
    loan = late_loan()
    pause = request_pause(loan=loan, reason="illness", days=20, note="", today=today_in())
    assert pause.status == PauseStatus.GRANTED

    ended = do_end_pause(pause, acting=as_agent, reason="Back at work")

    assert ended.status == PauseStatus.ENDED and ended.ends_on == today_in()
    assert Record.objects.get(action="pause.ended").reason == "Back at work"
    assert told(pause, "pause_ended")


def test_a_domain_refusal_writes_nothing(agent, as_agent):
    pause = waiting_pause()
    taken_by(agent, pause)

    with pytest.raises(PauseError):
        do_decline_pause(pause, acting=as_agent, reason="No evidence", note="")

    pause.refresh_from_db()
    assert pause.status == PauseStatus.REQUESTED
    assert not Record.objects.exists()
    assert Assignment.objects.exists()


def test_a_decided_pause_cannot_be_decided_again(as_agent):
    pause = waiting_pause()
    do_grant_pause(pause, acting=as_agent, reason="ok")

    with pytest.raises(PauseError):
        do_decline_pause(pause, acting=as_agent, reason="no", note="no")

    assert list(Record.objects.values_list("action", flat=True)) == ["pause.granted"]


def test_a_record_that_fails_undoes_the_decision(agent, as_agent, monkeypatch):
    pause = waiting_pause()
    taken_by(agent, pause)

    def broken(**kwargs):
        raise RuntimeError("the audit trail is down")

    monkeypatch.setattr(pauses, "record_action", broken)
    with pytest.raises(RuntimeError):
        do_grant_pause(pause, acting=as_agent, reason="ok")

    pause.refresh_from_db()
    assert pause.status == PauseStatus.REQUESTED
    assert not told(pause, "pause_granted")
    assert Assignment.objects.exists()
