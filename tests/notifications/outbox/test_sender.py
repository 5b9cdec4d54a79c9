"""The sender: claim, recheck, send, record; retries, bounces, and rows a dead worker left."""

import datetime as dt
import itertools

import pytest
from django.core import mail

from portal.notifications.channels import (
    Bounced,
    DeliveryUncertain,
    PermanentFailure,
    RecipientOptedOut,
    TemporaryFailure,
    sms,
)
from portal.notifications.contact_rules.rules import Decision, Rule
from portal.notifications.models import (
    ContactPreferences,
    OutboundMessage,
    Status,
    Suppression,
)
from portal.notifications.outbox import sender as sending
from portal.notifications.tasks import send_due_messages
from tests.factories import LoanFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 6, 0, tzinfo=dt.UTC)  # 14:00 in Shanghai, the borrowers' zone
MINUTE = dt.timedelta(minutes=1)
ADDRESSES = {"sms": "+8613800000000", "email": "borrower@example.com", "in_portal": ""}
_numbers = itertools.count(1)


def planned_row(*, channel="sms", loan=None, send_at=None, **fields):
    """A planned outbox row, due a minute before NOW unless told otherwise."""
    loan = loan or LoanFactory()
    n = next(_numbers)
    values = {
        "key": f"{loan.borrower_id}:payment_received:2026-03-{n:02d}:{channel}",
        "borrower": loan.borrower,
        "loan": loan,
        "event": "payment_received",
        "kind": "service",
        "channel": channel,
        "due_on": dt.date(2026, 3, 10),
        "address": ADDRESSES[channel],
        "language": "en",
        "subject": "We received your payment",
        "body": f"Thank you: we received your payment ({n}).",
        "rule": Rule.ALLOWED.value,
        "reason": "planned",
        "send_at": send_at or NOW - MINUTE,
        "status": Status.PLANNED,
    }
    return OutboundMessage.objects.create(**(values | fields))


class Rules:
    """Stands in for ``situations.recheck``: allows every row unless told otherwise, and
    remembers what it was asked."""

    def __init__(self):
        self.answers: dict[int, Decision | None] = {}
        self.asked: list[tuple[list[int], dt.datetime]] = []

    def __call__(self, rows, now):
        rows = list(rows)
        self.asked.append(([row.pk for row in rows], now))
        decisions = {}
        for row in rows:
            answer = self.answers.get(row.pk, Decision(True, Rule.ALLOWED, "allowed in test"))
            if answer is not None:
                decisions[row.pk] = answer
        return decisions


@pytest.fixture
def rules(monkeypatch):
    fake = Rules()
    monkeypatch.setattr("portal.notifications.contact_rules.situations.recheck", fake)
    return fake


@pytest.fixture
def sms_outbox(settings):
    settings.SMS_BACKEND = "portal.notifications.channels.sms.LocmemBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


# What ScriptedSms does on each delivery, in order: "ok", or an exception to raise.
script: list = []
delivered: list[str] = []


class ScriptedSms(sms.SmsBackend):
    def send_text(self, text):
        outcome = script.pop(0) if script else "ok"
        if isinstance(outcome, BaseException):
            if isinstance(outcome, DeliveryUncertain | RuntimeError):
                delivered.append(text.key)  # it went out, and then the answer was lost
            raise outcome
        delivered.append(text.key)
        return f"scripted-{len(delivered)}"


@pytest.fixture
def scripted(settings):
    settings.SMS_BACKEND = "tests.notifications.outbox.test_sender.ScriptedSms"
    script.clear()
    delivered.clear()
    yield script
    script.clear()
    delivered.clear()


def refreshed(row):
    row.refresh_from_db()
    return row


# --- Sending once -------------------------------------------------------------------------


def test_due_rows_go_out_once_and_the_outcome_is_recorded(rules, sms_outbox):
    text = planned_row(channel="sms")
    email = planned_row(channel="email")
    centre = planned_row(channel="in_portal")
    later = planned_row(channel="sms", send_at=NOW + MINUTE)

    counts = sending.send_due(now=NOW)

    assert counts["sent"] == 3
    assert [(s.to, s.body) for s in sms_outbox] == [(text.address, text.body)]
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        ([email.address], email.subject, email.body)
    ]
    for row in (text, email, centre):
        row = refreshed(row)
        assert (row.status, row.sent_at, row.attempts) == (Status.SENT, NOW, 1)
        assert row.rule == Rule.ALLOWED
        assert row.reason == "allowed in test"
    assert refreshed(text).provider_ref == "locmem-1"
    assert refreshed(later).status == Status.PLANNED

    again = sending.send_due(now=NOW)

    assert again.get("sent", 0) == 0
    assert len(sms_outbox) == 1
    assert len(mail.outbox) == 1


def test_oldest_due_rows_go_first_and_a_run_stops_at_its_limit(rules, sms_outbox):
    newest = planned_row(send_at=NOW - MINUTE)
    oldest = planned_row(send_at=NOW - 3 * MINUTE)
    middle = planned_row(send_at=NOW - 2 * MINUTE)

    sending.send_due(now=NOW, limit=2)

    assert [s.key for s in sms_outbox] == [oldest.key, middle.key]
    assert refreshed(newest).status == Status.PLANNED


def test_the_rules_are_asked_about_each_row_at_the_moment_of_sending(rules, sms_outbox):
    row = planned_row()

    sending.send_due(now=NOW)

    assert rules.asked == [([row.pk], NOW)]


def test_the_celery_task_sends_what_is_due_at_the_time_it_is_given(rules, sms_outbox):
    row = planned_row(send_at=NOW - MINUTE)
    planned_row(send_at=NOW + MINUTE)

    counts = send_due_messages.delay(now=NOW.isoformat()).get()

    assert counts["sent"] == 1
    assert [s.key for s in sms_outbox] == [row.key]


# --- The rules, asked again ----------------------------------------------------------------


def test_a_row_due_in_quiet_hours_waits_for_the_window(rules, sms_outbox):
    row = planned_row()
    opens = NOW + dt.timedelta(hours=10)
    rules.answers[row.pk] = Decision(
        False, Rule.QUIET_HOURS, "outside 08:00-21:00", "12 CFR 1006.6(b)(1)(i)", opens
    )

    counts = sending.send_due(now=NOW)

    row = refreshed(row)
    assert counts["rescheduled"] == 1
    assert sms_outbox == []
    assert (row.status, row.send_at, row.attempts) == (Status.PLANNED, opens, 0)
    assert (row.rule, row.citation) == (Rule.QUIET_HOURS, "12 CFR 1006.6(b)(1)(i)")

    del rules.answers[row.pk]
    sending.send_due(now=opens - MINUTE)
    assert sms_outbox == []
    sending.send_due(now=opens)
    assert [s.key for s in sms_outbox] == [row.key]
    assert refreshed(row).rule == Rule.ALLOWED


def test_a_rule_that_stops_the_row_suppresses_it_for_good(rules, sms_outbox):
    row = planned_row()
    rules.answers[row.pk] = Decision(
        False, Rule.DISPUTE_OPEN, "a question about the amount is open", "CONC 7.3"
    )

    counts = sending.send_due(now=NOW)
    del rules.answers[row.pk]
    sending.send_due(now=NOW + dt.timedelta(days=1))

    row = refreshed(row)
    assert counts["suppressed"] == 1
    assert sms_outbox == []
    assert (row.status, row.rule) == (Status.SUPPRESSED, Rule.DISPUTE_OPEN)
    assert (row.reason, row.citation) == ("a question about the amount is open", "CONC 7.3")
    assert row.attempts == 0


def test_a_row_the_rules_give_no_answer_for_is_never_sent(rules, sms_outbox):
    silent = planned_row(send_at=NOW - 2 * MINUTE)
    answered = planned_row(send_at=NOW - MINUTE)
    rules.answers[silent.pk] = None

    counts = sending.send_due(now=NOW)

    assert counts["undecided"] == 1
    assert [s.key for s in sms_outbox] == [answered.key]
    assert refreshed(silent).status == Status.PLANNED


def test_after_a_bounce_the_real_rules_hold_back_the_next_message_to_that_number(
    scripted, settings
):
    loan = LoanFactory()
    ContactPreferences.objects.create(
        borrower=loan.borrower, sms_enabled=True, phone="+86 138 0000 0000"
    )
    first = planned_row(loan=loan, send_at=NOW - 2 * MINUTE)
    script.append(Bounced("Twilio 400 error 21614: not a mobile number"))
    sending.send_due(now=NOW)
    second = planned_row(loan=loan, send_at=NOW)

    counts = sending.send_due(now=NOW + MINUTE)

    assert delivered == []
    assert refreshed(first).status == Status.FAILED
    assert counts["suppressed"] == 1
    assert (refreshed(second).status, refreshed(second).rule) == (
        Status.SUPPRESSED,
        Rule.BOUNCED,
    )


# --- What providers answer ------------------------------------------------------------------


def test_a_temporary_failure_is_retried_later_with_growing_waits_then_given_up(
    rules, scripted, settings
):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    row = planned_row()
    script.extend([TemporaryFailure("Twilio 503"), TemporaryFailure("Twilio 503")] * 2)

    sending.send_due(now=NOW)
    row = refreshed(row)
    first_retry = NOW + dt.timedelta(minutes=5)
    assert (row.status, row.attempts, row.send_at) == (Status.PLANNED, 1, first_retry)
    assert row.last_error == "Twilio 503"

    sending.send_due(now=first_retry - MINUTE)
    assert refreshed(row).attempts == 1

    sending.send_due(now=first_retry)
    row = refreshed(row)
    second_retry = first_retry + dt.timedelta(minutes=10)
    assert (row.status, row.attempts, row.send_at) == (Status.PLANNED, 2, second_retry)

    counts = sending.send_due(now=second_retry)
    row = refreshed(row)
    assert counts["failed"] == 1
    assert (row.status, row.attempts) == (Status.FAILED, 3)
    assert row.last_error.startswith("Gave up")
    assert delivered == []


def test_a_row_that_fails_for_a_while_and_then_works_is_sent_once(rules, scripted):
    row = planned_row()
    script.append(TemporaryFailure("connection refused"))

    sending.send_due(now=NOW)
    sending.send_due(now=NOW + dt.timedelta(minutes=5))

    row = refreshed(row)
    assert delivered == [row.key]
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 2, "")


def test_waits_double_from_five_minutes_up_to_six_hours():
    assert [sending.backoff(n) for n in (1, 2, 3)] == [
        dt.timedelta(minutes=5),
        dt.timedelta(minutes=10),
        dt.timedelta(minutes=20),
    ]
    assert sending.backoff(12) == dt.timedelta(hours=6)


def test_a_permanent_failure_is_not_tried_again(rules, scripted):
    row = planned_row()
    script.append(PermanentFailure("Twilio 400 error 21602: message body is required"))

    counts = sending.send_due(now=NOW)
    sending.send_due(now=NOW + dt.timedelta(days=1))

    row = refreshed(row)
    assert counts["failed"] == 1
    assert (row.status, row.attempts) == (Status.FAILED, 1)
    assert "21602" in row.last_error
    assert delivered == []


def test_a_bounce_suspends_the_address_for_every_later_message(rules, scripted):
    row = planned_row(address="+86 138-0000-0000")
    script.append(Bounced("Twilio 400 error 21211: invalid 'To' number"))

    counts = sending.send_due(now=NOW)

    assert counts["bounced"] == 1
    assert refreshed(row).status == Status.FAILED
    suppression = Suppression.objects.get()
    assert (suppression.channel, suppression.address) == ("sms", "+8613800000000")
    assert (suppression.reason, suppression.source) == ("bounced", "provider")
    assert "21211" in suppression.detail


def test_a_stop_the_provider_heard_is_recorded_as_the_borrowers_opt_out(rules, scripted):
    planned_row()
    script.append(RecipientOptedOut("Twilio 400 error 21610: unsubscribed recipient"))

    sending.send_due(now=NOW)

    suppression = Suppression.objects.get()
    assert (suppression.reason, suppression.source) == ("opted_out", "provider")


def test_a_send_whose_answer_was_lost_is_marked_uncertain_and_not_repeated(rules, scripted):
    row = planned_row()
    script.append(DeliveryUncertain("no answer from Twilio after sending"))

    counts = sending.send_due(now=NOW)
    sending.send_due(now=NOW + dt.timedelta(hours=1))

    assert counts["uncertain"] == 1
    assert refreshed(row).status == Status.UNCERTAIN
    assert delivered == [row.key]


def test_a_defect_in_a_backend_leaves_the_row_uncertain_and_the_run_goes_on(rules, scripted):
    broken = planned_row(send_at=NOW - 2 * MINUTE)
    fine = planned_row(send_at=NOW - MINUTE)
    script.append(RuntimeError("a bug after the provider took the message"))

    sending.send_due(now=NOW)
    sending.send_due(now=NOW + dt.timedelta(hours=1))

    assert refreshed(broken).status == Status.UNCERTAIN
    assert "a bug" in refreshed(broken).last_error
    assert refreshed(fine).status == Status.SENT
    assert delivered == [broken.key, fine.key]


# --- Rows a dead worker left behind ---------------------------------------------------------


def left_sending(channel, claimed_at, attempts=1):
    return planned_row(
        channel=channel, status=Status.SENDING, claimed_at=claimed_at, attempts=attempts
    )


def test_a_row_left_sending_becomes_uncertain_and_is_never_sent_again(rules, sms_outbox):
    stale = left_sending("sms", NOW - dt.timedelta(minutes=16))
    recent = left_sending("email", NOW - dt.timedelta(minutes=14))

    swept = sending.sweep_stale(now=NOW)
    sending.send_due(now=NOW + dt.timedelta(days=1))

    assert swept["stale_uncertain"] == 1
    assert refreshed(stale).status == Status.UNCERTAIN
    assert "may have gone out" in refreshed(stale).last_error
    assert refreshed(recent).status == Status.SENDING
    assert sms_outbox == []
    assert mail.outbox == []


def test_a_message_centre_row_left_sending_is_delivered_again(rules):
    row = left_sending("in_portal", NOW - dt.timedelta(minutes=20))

    swept = sending.sweep_stale(now=NOW)
    sending.send_due(now=NOW)

    assert swept["stale_requeued"] == 1
    row = refreshed(row)
    assert (row.status, row.attempts) == (Status.SENT, 2)


def test_a_message_centre_row_that_keeps_dying_fails(rules, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    row = left_sending("in_portal", NOW - dt.timedelta(minutes=20), attempts=3)

    swept = sending.sweep_stale(now=NOW)

    assert swept["stale_failed"] == 1
    assert refreshed(row).status == Status.FAILED


def test_the_sweep_runs_before_each_send_in_the_celery_task(rules, sms_outbox):
    stale = left_sending("sms", NOW - dt.timedelta(hours=1))

    counts = send_due_messages.delay(now=NOW.isoformat()).get()

    assert counts["stale_uncertain"] == 1
    assert refreshed(stale).status == Status.UNCERTAIN
