"""What staff do from a borrower's page, called directly: each change with its audit record in
one transaction, refusals that write nothing, and the invitation e-mail sent only on commit."""

import pytest
from django.core import mail
from django.utils import timezone

from portal.audit.models import Record
from portal.notifications.models import ContactAttempt, OutboundMessage
from portal.support.actions import borrowers
from portal.support.actions.borrowers import (
    Refused,
    do_add_note,
    do_record_contact,
    do_resend_invitation,
    do_resend_message,
)
from portal.support.models import Note
from tests.factories import BorrowerFactory, UserFactory
from tests.support.test_borrower_view import message

pytestmark = pytest.mark.django_db


@pytest.fixture
def borrower(db):
    return BorrowerFactory(email="ana@example.com", preferred_language="zh-hans")


def test_a_note_is_added_with_its_record(agent, as_agent, borrower):
    note = do_add_note(borrower, acting=as_agent, text="Call after 6pm.", reason="Call today")

    assert (note.text, note.author) == ("Call after 6pm.", agent)
    record = Record.objects.get(action="note.added")
    assert (record.reason, record.borrower, record.object_id) == (
        "Call today",
        borrower,
        str(note.pk),
    )


def test_a_contact_is_recorded_with_its_record(agent, as_agent, borrower):
    at = timezone.now().replace(microsecond=0)

    contact = do_record_contact(
        borrower,
        acting=as_agent,
        channel="call",
        kind="collection",
        at=at,
        connected=True,
        conversation=True,
        note="Will pay Friday.",
        reason="Outbound call",
    )

    assert contact.recorded_by == agent and contact.at == at
    record = Record.objects.get(action="contact.recorded")
    assert record.details == {"channel": "call", "kind": "collection", "at": at.isoformat()}


def test_the_invitation_goes_only_once_the_record_is_committed(
    as_agent, borrower, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as waiting:
        address = do_resend_invitation(borrower, acting=as_agent, reason="Lost it")
        assert mail.outbox == []

    assert address == "ana@example.com" and len(waiting) == 1
    assert Record.objects.get(action="invitation.resent").details == {"to": "ana@example.com"}
    waiting[0]()
    assert mail.outbox[0].to == ["ana@example.com"]


def test_a_refused_invitation_writes_and_sends_nothing(
    as_agent, borrower, django_capture_on_commit_callbacks
):
    borrower.user = UserFactory()
    borrower.save()

    with (
        django_capture_on_commit_callbacks(execute=True) as waiting,
        pytest.raises(Refused, match="already has a login"),
    ):
        do_resend_invitation(borrower, acting=as_agent, reason="Asked")

    assert waiting == [] and mail.outbox == []
    assert not Record.objects.exists()


def test_a_failed_message_is_planned_again(as_agent, borrower):
    original = message(borrower, 1, status="failed")

    copy = do_resend_message(borrower, original.pk, acting=as_agent, reason="Never got it")

    assert copy.status == "planned" and copy.key.endswith(":resend1:email")
    record = Record.objects.get(action="message.resent")
    assert record.details == {"original": original.pk, "original_status": "failed"}


def test_a_sent_message_is_refused_and_nothing_is_written(as_agent, borrower):
    original = message(borrower, 1, status="sent")

    with pytest.raises(Refused, match="Only a message that failed"):
        do_resend_message(borrower, original.pk, acting=as_agent, reason="x")

    assert OutboundMessage.objects.count() == 1
    assert not Record.objects.exists()


def test_a_record_that_fails_undoes_the_note_and_the_contact(as_agent, borrower, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the audit trail is down")

    monkeypatch.setattr(borrowers, "record_action", broken)
    with pytest.raises(RuntimeError):
        do_add_note(borrower, acting=as_agent, text="t", reason="r")
    with pytest.raises(RuntimeError):
        do_record_contact(
            borrower,
            acting=as_agent,
            channel="call",
            kind="collection",
            at=timezone.now(),
            connected=False,
            conversation=False,
            note="",
            reason="r",
        )

    assert not Note.objects.exists() and not ContactAttempt.objects.exists()
