"""What staff do from a borrower's page: each action asks a reason, is recorded with it, is
refused to a role without its permission, and bad input changes nothing."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.audit.models import Record
from portal.notifications.contact_rules import situations
from portal.notifications.models import (
    ContactAttempt,
    ContactPreferences,
    OutboundMessage,
    Suppression,
)
from portal.notifications.outbox.sender import send_due
from portal.support.models import Note, StaffSettings
from portal.support.staff_zone import set_zone
from repayment.models import Borrower
from tests.factories import BorrowerFactory, UserFactory
from tests.support.staff import signed_in, staff_user
from tests.support.test_borrower_view import message


def url(name, borrower, *args):
    return reverse(f"support:{name}", args=[borrower.pk, *args])


@pytest.fixture
def borrower(db):
    return BorrowerFactory(email="ana@example.com", preferred_language="zh-hans")


def changes(action):
    return Record.objects.filter(action=action, kind="change")


def messages_of(response):
    return [str(m) for m in response.wsgi_request._messages]


# Notes


def test_an_agent_adds_a_note_with_a_reason(agent_client, agent, borrower):
    response = agent_client.post(
        url("add_note", borrower), {"text": "Asked for a call after 6pm.", "reason": "Call today"}
    )

    assert response.status_code == 302
    note = Note.objects.get(borrower=borrower)
    assert (note.text, note.author) == ("Asked for a call after 6pm.", agent)
    record = changes("note.added").get()
    assert (record.reason, record.borrower_id, record.actor_id) == (
        "Call today",
        borrower.pk,
        agent.pk,
    )
    assert "Note added." in messages_of(response)


@pytest.mark.parametrize(
    "data", [{"text": "A note", "reason": ""}, {"text": "   ", "reason": "why"}, {}]
)
def test_a_note_without_text_or_reason_changes_nothing(agent_client, borrower, data):
    response = agent_client.post(url("add_note", borrower), data)

    assert response.status_code == 400
    assert response.context["note_form"].errors
    assert not Note.objects.exists()
    assert not changes("note.added").exists()


def test_a_reviewer_cannot_add_a_note(reviewer_client, borrower):
    response = reviewer_client.post(url("add_note", borrower), {"text": "x", "reason": "y"})

    assert response.status_code == 403
    assert not Note.objects.exists()


# Contacts


def contact(**fields):
    at = timezone.now() - dt.timedelta(hours=1)
    return {
        "channel": "call",
        "kind": "collection",
        "at": at.strftime("%Y-%m-%dT%H:%M"),
        "connected": "on",
        "conversation": "on",
        "note": "Will pay on Friday.",
        "reason": "Borrower called back",
        **fields,
    }


def test_an_agent_records_a_call_which_the_call_rules_then_count(agent_client, agent, borrower):
    response = agent_client.post(url("record_contact", borrower), contact())

    assert response.status_code == 302
    attempt = ContactAttempt.objects.get(borrower=borrower)
    assert (attempt.channel, attempt.connected, attempt.conversation) == ("call", True, True)
    assert attempt.recorded_by == agent
    assert attempt.note == "Will pay on Friday."
    assert changes("contact.recorded").get().reason == "Borrower called back"
    counted = situations.load_contacts([borrower.pk], now=timezone.now())
    assert len(counted.of(borrower.pk, excluding="")) == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"at": (timezone.now() + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")},
        {"at": "yesterday"},
        {"channel": "pigeon"},
        {"channel": "in_portal"},
        {"reason": " "},
        {"connected": "", "conversation": "on"},
    ],
)
def test_a_bad_contact_changes_nothing(agent_client, borrower, fields):
    response = agent_client.post(url("record_contact", borrower), contact(**fields))

    assert response.status_code == 400
    assert response.context["contact_form"].errors
    assert not ContactAttempt.objects.exists()
    assert not changes("contact.recorded").exists()


def test_contact_times_are_typed_and_shown_on_the_staff_members_own_clock(
    agent, agent_client, borrower
):
    """The agent works in Shanghai (UTC+8), whatever the borrower's zone: a call at 10:30 on
    the agent's clock is 02:30 UTC, and shows as 10:30 with the zone's name."""
    set_zone(agent, "Asia/Shanghai")
    Borrower.objects.filter(pk=borrower.pk).update(time_zone="Europe/London")
    response = agent_client.post(url("record_contact", borrower), contact(at="2026-05-20T10:30"))

    assert response.status_code == 302
    attempt = ContactAttempt.objects.get(borrower=borrower)
    assert attempt.at == dt.datetime(2026, 5, 20, 2, 30, tzinfo=dt.UTC)
    html = agent_client.get(url("borrower", borrower)).content.decode()
    assert "10:30" in html
    assert "Times are in your time zone (China Standard Time)." in html
    assert "In your time zone (China Standard Time)." in html  # the form's hint
    history = agent_client.get(url("borrower_history", borrower, "contacts")).content.decode()
    assert "10:30" in history
    assert "China Standard Time" in history


def test_a_staff_member_changes_their_time_zone_and_times_follow(agent, agent_client, borrower):
    agent_client.post(url("record_contact", borrower), contact(at="2026-05-20T10:30"))
    assert (
        "Times are in your time zone (Coordinated Universal Time)."
        in agent_client.get(url("borrower", borrower)).content.decode()
    )

    response = agent_client.post(reverse("support:settings"), {"time_zone": "America/New_York"})

    assert response.status_code == 302
    html = agent_client.get(url("borrower", borrower)).content.decode()
    assert "6:30 a.m." in html  # 10:30 UTC is 06:30 in New York in May
    assert "Times are in your time zone (Eastern" in html  # named as it stands now


def test_an_unknown_time_zone_is_refused_and_nothing_changes(agent, agent_client):
    response = agent_client.post(reverse("support:settings"), {"time_zone": "Mars/Olympus"})

    assert response.status_code == 400
    assert not StaffSettings.objects.filter(user=agent).exists()


def test_a_reviewer_cannot_record_a_contact(reviewer_client, borrower):
    assert reviewer_client.post(url("record_contact", borrower), contact()).status_code == 403
    assert not ContactAttempt.objects.exists()


# Invitations


def test_an_unlinked_borrower_gets_a_new_link_in_their_language(
    agent_client, borrower, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = agent_client.post(url("resend_invitation", borrower), {"reason": "Lost it"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["ana@example.com"]
    assert f"{settings.SITE_URL.rstrip('/')}/zh-hans/" in sent.body
    record = changes("invitation.resent").get()
    assert record.reason == "Lost it"
    assert "ana@example.com" in messages_of(response)[0]


def test_the_link_goes_to_the_address_the_borrower_chose(
    agent_client, borrower, django_capture_on_commit_callbacks
):
    ContactPreferences.objects.create(borrower=borrower, email="ana.work@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        agent_client.post(url("resend_invitation", borrower), {"reason": "Lost it"})

    assert mail.outbox[0].to == ["ana.work@example.com"]


@pytest.mark.parametrize("why", ["linked", "no e-mail"])
def test_no_link_for_a_linked_borrower_or_one_without_email(
    agent_client, borrower, why, django_capture_on_commit_callbacks
):
    if why == "linked":
        borrower.user = UserFactory()
    else:
        borrower.email = ""
    borrower.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = agent_client.post(url("resend_invitation", borrower), {"reason": "Asked"})

    assert response.status_code == 302
    assert mail.outbox == []
    assert not changes("invitation.resent").exists()
    assert messages_of(response)


def test_no_link_without_a_reason(agent_client, borrower, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = agent_client.post(url("resend_invitation", borrower), {"reason": ""})

    assert response.status_code == 400
    assert mail.outbox == []


def test_a_reviewer_cannot_send_a_link(reviewer_client, borrower):
    assert (
        reviewer_client.post(url("resend_invitation", borrower), {"reason": "x"}).status_code == 403
    )
    assert mail.outbox == []


# Sending a message again


@pytest.mark.parametrize("status", ["failed", "uncertain"])
def test_a_failed_or_uncertain_message_is_planned_again_under_a_new_key(
    agent_client, borrower, status
):
    original = message(borrower, 1, status=status)

    response = agent_client.post(
        url("resend_message", borrower, original.pk), {"reason": "Borrower never got it"}
    )

    assert response.status_code == 302
    copy = OutboundMessage.objects.exclude(pk=original.pk).get()
    base = original.key.rsplit(":", 1)[0]
    assert copy.key == f"{base}:resend1:email"
    assert (copy.status, copy.attempts, copy.body) == ("planned", 0, original.body)
    assert copy.send_at <= timezone.now()
    original.refresh_from_db()
    assert original.status == status  # what happened to it stays on record
    record = changes("message.resent").get()
    assert record.reason == "Borrower never got it"
    assert record.object_id == str(copy.pk)


def test_a_sent_message_is_never_sent_again(agent_client, borrower):
    original = message(borrower, 1, status="sent")

    response = agent_client.post(url("resend_message", borrower, original.pk), {"reason": "x"})

    assert OutboundMessage.objects.count() == 1
    assert not changes("message.resent").exists()
    assert "Only a message that failed" in messages_of(response)[0]


def test_a_second_resend_while_the_first_is_on_its_way_is_refused(agent_client, borrower):
    original = message(borrower, 1, status="failed")
    agent_client.post(url("resend_message", borrower, original.pk), {"reason": "x"})

    response = agent_client.post(url("resend_message", borrower, original.pk), {"reason": "again"})

    assert OutboundMessage.objects.count() == 2
    assert "already been sent again" in messages_of(response)[-1]


def test_a_copy_that_failed_too_can_be_sent_a_third_time(agent_client, borrower):
    original = message(borrower, 1, status="failed")
    agent_client.post(url("resend_message", borrower, original.pk), {"reason": "x"})
    first = OutboundMessage.objects.exclude(pk=original.pk).get()
    OutboundMessage.objects.filter(pk=first.pk).update(status="failed")

    agent_client.post(url("resend_message", borrower, first.pk), {"reason": "y"})

    keys = set(OutboundMessage.objects.values_list("key", flat=True))
    base = original.key.rsplit(":", 1)[0]
    assert keys == {original.key, f"{base}:resend1:email", f"{base}:resend2:email"}


@time_machine.travel(dt.datetime(2026, 6, 15, 2, 0, tzinfo=dt.UTC), tick=False)  # 10:00 local
def test_the_sender_asks_the_rules_again_before_the_copy_goes(agent_client, borrower):
    original = message(borrower, 1, status="failed")
    Suppression.objects.create(
        channel="email", address=original.address, reason="opted_out", source="link"
    )
    agent_client.post(url("resend_message", borrower, original.pk), {"reason": "x"})

    send_due(now=timezone.now())

    copy = OutboundMessage.objects.exclude(pk=original.pk).get()
    assert (copy.status, copy.rule) == ("suppressed", "opted_out")
    assert mail.outbox == []


def test_another_borrowers_message_cannot_be_resent_from_this_page(agent_client, borrower):
    other = message(BorrowerFactory(), 1, status="failed")

    response = agent_client.post(url("resend_message", borrower, other.pk), {"reason": "x"})

    assert OutboundMessage.objects.count() == 1
    assert messages_of(response)


def test_a_resend_without_a_reason_changes_nothing(agent_client, borrower):
    original = message(borrower, 1, status="failed")

    response = agent_client.post(url("resend_message", borrower, original.pk), {"reason": ""})

    assert response.status_code == 400
    assert OutboundMessage.objects.count() == 1


def test_a_reviewer_cannot_resend_a_message(reviewer_client, borrower):
    original = message(borrower, 1, status="failed")

    response = reviewer_client.post(url("resend_message", borrower, original.pk), {"reason": "x"})

    assert response.status_code == 403
    assert OutboundMessage.objects.count() == 1


def test_actions_are_post_only(agent_client, borrower):
    assert agent_client.get(url("add_note", borrower)).status_code == 405


def test_the_page_offers_only_the_actions_the_role_may_take(client, borrower):
    editor_like = staff_user("supervisor")
    signed_in(client, editor_like)
    html = client.get(url("borrower", borrower)).content.decode()

    assert url("add_note", borrower) in html
    assert url("record_contact", borrower) in html
    assert url("resend_invitation", borrower) in html
