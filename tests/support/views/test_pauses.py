"""Deciding pauses from the console: each with a reason on record, the borrower told, and only
for the roles allowed."""

from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from portal.audit.models import Record
from portal.support.models import Assignment
from repayment.hardship.pauses import request_pause
from repayment.models import PauseStatus
from tests.repayment.plan_fixtures import late_loan, today_in
from tests.support.staff import signed_in
from tests.support.work_fixtures import waiting_pause

from .answers import post, told

pytestmark = pytest.mark.django_db


def test_pause_page_shows_the_request_and_records_the_view(agent, agent_client):
    pause = waiting_pause()
    text = agent_client.get(reverse("support:pause", args=[pause.pk])).content.decode()
    for expected in ("My income has dropped or stopped", "Lost my job", "45 days", "60 days"):
        assert expected in text, expected
    assert Record.objects.get(kind="view", action="pause").actor == agent
    # When it was asked for, in the borrower's own time zone, named.
    zone = pause.loan.borrower.time_zone
    asked = timezone.localtime(pause.created_at, ZoneInfo(zone))
    assert date_format(asked, "DATETIME_FORMAT") in text
    assert "China Standard Time" in text


def test_an_agent_grants_a_pause(agent, agent_client):
    pause = waiting_pause()
    Assignment.objects.create(kind="pause", object_id=pause.pk, user=agent)
    response = post(agent_client, "pause", pause, "grant", reason="Job loss, letter seen")
    assert response.status_code == 302
    pause.refresh_from_db()
    assert pause.status == PauseStatus.GRANTED and pause.decided_by == agent
    assert Record.objects.get(action="pause.granted").reason == "Job loss, letter seen"
    assert told(pause.loan, "pause_granted")
    assert not Assignment.objects.exists()


def test_declining_a_pause_needs_a_note(agent_client):
    pause = waiting_pause()
    response = post(agent_client, "pause", pause, "decline", reason="No evidence", note="")
    assert response.status_code == 200
    assert "Write a note to the borrower" in response.content.decode()
    pause.refresh_from_db()
    assert pause.status == PauseStatus.REQUESTED
    post(agent_client, "pause", pause, "decline", reason="No evidence", note="Call us, please.")
    pause.refresh_from_db()
    assert pause.status == PauseStatus.DECLINED and pause.staff_note == "Call us, please."
    assert Record.objects.get(action="pause.declined").details["note"] == "Call us, please."
    assert told(pause.loan, "pause_declined")


def test_an_agent_ends_a_granted_pause(agent_client):
    loan = late_loan()
    pause = request_pause(loan=loan, reason="illness", days=20, note="", today=today_in())
    assert pause.status == PauseStatus.GRANTED
    text = agent_client.get(reverse("support:pause", args=[pause.pk])).content.decode()
    assert 'value="end"' in text and 'value="grant"' not in text
    response = post(agent_client, "pause", pause, "end", reason="Back at work, said on call")
    assert response.status_code == 302
    pause.refresh_from_db()
    assert pause.status == PauseStatus.ENDED and pause.ends_on == today_in()
    assert Record.objects.get(action="pause.ended").reason == "Back at work, said on call"
    assert told(loan, "pause_ended")


def test_a_decided_pause_cannot_be_decided_again(agent_client):
    pause = waiting_pause()
    post(agent_client, "pause", pause, "grant", reason="ok")
    response = post(agent_client, "pause", pause, "decline", reason="no", note="no")
    assert response.status_code == 302
    pause.refresh_from_db()
    assert pause.status == PauseStatus.GRANTED
    assert Record.objects.filter(action__startswith="pause.").count() == 1


def test_a_reviewer_cannot_decide_pauses(client, reviewer):
    pause = waiting_pause()
    signed_in(client, reviewer)
    assert client.get(reverse("support:pause", args=[pause.pk])).status_code == 403
    assert post(client, "pause", pause, "grant", reason="r").status_code == 403
    pause.refresh_from_db()
    assert pause.status == PauseStatus.REQUESTED
