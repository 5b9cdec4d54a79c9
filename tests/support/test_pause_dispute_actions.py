"""Deciding pauses and resolving disputes from the console: each with a reason on record, the
borrower told, and only for the roles allowed."""

from decimal import Decimal

import pytest
from django.urls import reverse

from portal.audit.models import Record
from portal.notifications.models import OutboundMessage
from portal.support.models import Assignment
from repayment.hardship.pauses import request_pause
from repayment.models import DisputeStatus, LedgerEntry, PauseStatus
from repayment.statements.cache import statement_for
from tests.repayment.plan_fixtures import late_loan, today_in

from .staff import signed_in, staff_user
from .work_fixtures import waiting_dispute, waiting_pause

pytestmark = pytest.mark.django_db


def post(client, name, obj, action, **fields):
    data = {"action": action, **{f"{action}-{k}": v for k, v in fields.items()}}
    return client.post(reverse(f"support:{name}", args=[obj.pk]), data)


def told(loan, event):
    return OutboundMessage.objects.filter(borrower=loan.borrower, event=event).exists()


# Pauses ------------------------------------------------------------------------------------


def test_pause_page_shows_the_request_and_records_the_view(agent, agent_client):
    pause = waiting_pause()
    text = agent_client.get(reverse("support:pause", args=[pause.pk])).content.decode()
    for expected in ("My income has dropped or stopped", "Lost my job", "45 days", "60 days"):
        assert expected in text, expected
    assert Record.objects.get(kind="view", action="pause").actor == agent


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


# Disputes ----------------------------------------------------------------------------------


def test_dispute_page_shows_the_entry_and_message(supervisor, supervisor_client):
    dispute = waiting_dispute()
    text = supervisor_client.get(reverse("support:dispute", args=[dispute.pk])).content.decode()
    assert "I paid this in cash." in text and dispute.entry.external_id in text
    assert Record.objects.get(kind="view", action="dispute").actor == supervisor


def test_upholding_posts_a_reversal_and_what_is_owed_changes(supervisor, supervisor_client):
    dispute = waiting_dispute()  # on an installment that fell due: 550 of what is owed now
    loan = dispute.loan
    before = statement_for(loan=loan).amount_due
    response = post(
        supervisor_client,
        "dispute",
        dispute,
        "uphold",
        reason="Branch cash receipt found",
        note="You paid this at the branch; we have corrected it.",
    )
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.UPHELD and dispute.resolved_by == supervisor
    reversal = LedgerEntry.objects.get(reverses=dispute.entry)
    assert reversal.amount == dispute.entry.amount
    assert statement_for(loan=loan).amount_due == before - Decimal("550.00")
    record = Record.objects.get(action="dispute.upheld")
    assert record.reason == "Branch cash receipt found"
    assert told(loan, "dispute_resolved")


def test_rejecting_needs_reasons_and_leaves_the_ledger(supervisor_client):
    dispute = waiting_dispute()
    entries = LedgerEntry.objects.count()
    response = post(supervisor_client, "dispute", dispute, "reject", reason="", note="")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Give a reason" in text and "Write a note to the borrower" in text
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    post(
        supervisor_client,
        "dispute",
        dispute,
        "reject",
        reason="Payment record checked",
        note="The payment went to the next month's payment.",
    )
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.REJECTED
    assert LedgerEntry.objects.count() == entries
    assert Record.objects.get(action="dispute.rejected").reason == "Payment record checked"
    assert told(dispute.loan, "dispute_resolved")


@pytest.mark.parametrize("role", ["agent", "reviewer", "editor"])
def test_roles_without_the_permission_cannot_resolve_disputes(client, role):
    dispute = waiting_dispute()
    signed_in(client, staff_user(role))
    assert client.get(reverse("support:dispute", args=[dispute.pk])).status_code == 403
    assert post(client, "dispute", dispute, "uphold", reason="r", note="n").status_code == 403
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    assert not LedgerEntry.objects.filter(reverses=dispute.entry).exists()


def test_staff_without_an_authenticator_are_refused(client):
    dispute = waiting_dispute()
    signed_in(client, staff_user("supervisor", totp=False))
    response = client.get(reverse("support:dispute", args=[dispute.pk]))
    assert response.status_code in (302, 403)
    assert not Record.objects.exists()
