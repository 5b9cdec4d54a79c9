"""The lender hears each event once it is delivered, signed, in order per borrower; failures
are retried with back-off and logged, and one lender's trouble holds nobody else up."""

import datetime as dt
import json
import time
from datetime import timedelta

import pytest

from portal.webhooks import delivery
from portal.webhooks.models import Delivery, WebhookEndpoint
from portal.webhooks.signing import verify
from portal.webhooks.tasks import deliver_lender_events
from repayment.models import LenderEvent
from repayment.models.lender_events import EventStatus
from tests.factories import BorrowerFactory, LenderFactory

from .outbox import make_event
from .receiver import HANG

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def refreshed(event):
    event.refresh_from_db()
    return event


def test_a_due_event_is_posted_signed_and_marked_delivered(clock, endpoint, receiver):
    event = make_event(endpoint.lender, amount="120.00")

    assert deliver_lender_events() == {"delivered": 1}

    [request] = receiver.requests
    assert request.headers["Portal-Event"] == "plan.accepted"
    assert request.headers["Portal-Event-Id"] == event.key
    assert request.headers["Content-Type"] == "application/json"
    assert verify(endpoint.secret, request.headers["Portal-Signature"], request.body, time.time())
    assert request.json == {
        "id": event.key,
        "topic": "plan.accepted",
        "created_at": "2026-03-02T09:00:00Z",
        "data": event.payload,
    }
    event = refreshed(event)
    assert (event.status, event.delivered_at, event.attempts) == ("delivered", START, 1)
    log = Delivery.objects.get()
    assert (log.event, log.endpoint, log.attempt, log.status_code, log.success) == (
        event,
        endpoint,
        1,
        200,
        True,
    )
    assert log.response_excerpt == '{"ok": true}'


def test_running_twice_never_sends_a_delivered_event_again(clock, endpoint, receiver):
    make_event(endpoint.lender)
    deliver_lender_events()
    clock.shift(timedelta(hours=1))
    assert deliver_lender_events() == {}
    assert len(receiver.requests) == 1


def test_a_failure_is_logged_and_retried_after_the_back_off(clock, endpoint, receiver):
    receiver.answer("/hook", 500, 200)
    event = make_event(endpoint.lender)

    assert deliver_lender_events() == {"retry": 1}
    event = refreshed(event)
    assert event.status == EventStatus.WAITING and event.attempts == 1
    # One minute, give or take the jitter.
    wait = event.next_attempt_at - START
    assert timedelta(seconds=54) <= wait <= timedelta(seconds=66)
    failed = Delivery.objects.get()
    assert (failed.status_code, failed.success) == (500, False)
    assert failed.response_excerpt == "upstream exploded"
    assert "500" in failed.error

    clock.shift(timedelta(seconds=50))
    assert deliver_lender_events() == {}  # not due yet
    clock.shift(timedelta(seconds=20))
    assert deliver_lender_events() == {"delivered": 1}
    assert refreshed(event).status == EventStatus.DELIVERED
    assert list(Delivery.objects.order_by("attempt").values_list("attempt", "success")) == [
        (1, False),
        (2, True),
    ]
    assert receiver.ids() == [event.key, event.key]


def test_a_reply_with_nul_bytes_is_logged_without_them(clock, endpoint, receiver):
    # PostgreSQL's text columns refuse NUL: the log row, and with it the attempt, was lost.
    receiver.answer("/hook", (500, b"\x1f\x8b\x00\x00gzip"), 200)
    event = make_event(endpoint.lender)

    assert deliver_lender_events() == {"retry": 1}
    assert refreshed(event).attempts == 1
    assert Delivery.objects.get().response_excerpt.startswith("\x1f")
    assert "\x00" not in Delivery.objects.get().response_excerpt


def test_an_attempt_that_breaks_on_our_side_is_counted_and_given_up_on(
    clock, endpoint, receiver, monkeypatch
):
    def broken(*args):
        raise RuntimeError("the log is down")

    monkeypatch.setattr(delivery, "_log", broken)
    event = make_event(endpoint.lender)
    assert deliver_lender_events() == {"error": 1}
    event = refreshed(event)
    assert (event.status, event.attempts) == ("waiting", 1)
    assert event.next_attempt_at > START + timedelta(seconds=30)
    for _ in range(delivery.MAX_ATTEMPTS):
        clock.shift(timedelta(hours=7))
        deliver_lender_events()
    assert refreshed(event).status == "gave_up"


def test_back_off_doubles_from_a_minute_up_to_six_hours_with_a_little_jitter():
    middle = [delivery.backoff(n, rand=lambda: 0.5) for n in range(1, 12)]
    assert middle[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert middle[-2:] == [timedelta(hours=6)] * 2
    assert delivery.backoff(1, rand=lambda: 0.0) == timedelta(seconds=54)
    assert delivery.backoff(1, rand=lambda: 1.0) == timedelta(seconds=66)
    # All attempts together span about two days.
    total = sum((delivery.backoff(n, rand=lambda: 0.5) for n in range(1, 16)), timedelta())
    assert timedelta(hours=40) < total < timedelta(hours=50)


def test_it_gives_up_after_the_last_attempt_and_staff_can_try_again(
    clock, endpoint, receiver, monkeypatch
):
    monkeypatch.setattr(delivery, "MAX_ATTEMPTS", 3)
    receiver.answer("/hook", 503)
    event = make_event(endpoint.lender)

    outcomes = []
    for _ in range(5):
        outcomes.append(deliver_lender_events())
        clock.shift(timedelta(hours=7))

    assert outcomes == [{"retry": 1}, {"retry": 1}, {"gave_up": 1}, {}, {}]
    event = refreshed(event)
    assert (event.status, event.attempts, event.delivered_at) == ("gave_up", 3, None)
    assert event.gave_up_at is not None
    assert Delivery.objects.filter(event=event).count() == 3

    receiver.answer("/hook", 200)
    assert delivery.try_again(events=LenderEvent.objects.all()) == [event.key]
    assert deliver_lender_events() == {"delivered": 1}
    assert refreshed(event).status == EventStatus.DELIVERED


def test_a_receiver_that_hangs_is_given_up_on_quickly_and_retried(clock, endpoint, receiver):
    receiver.answer("/hook", HANG)
    event = make_event(endpoint.lender)

    assert delivery.deliver_due(timeout=0.3) == {"retry": 1}

    log = Delivery.objects.get()
    assert (log.status_code, log.success, log.error) == (None, False, "Timed out")
    assert refreshed(event).attempts == 1


def test_a_redirect_is_not_followed(clock, endpoint, receiver):
    receiver.answer("/hook", 302)
    make_event(endpoint.lender)
    assert deliver_lender_events() == {"retry": 1}
    assert [r.path for r in receiver.requests] == ["/hook"]
    assert Delivery.objects.get().status_code == 302


def test_a_refused_connection_is_logged(clock, lender):
    WebhookEndpoint.objects.create(lender=lender, url="http://127.0.0.1:9/closed")
    make_event(lender)
    assert deliver_lender_events() == {"retry": 1}
    log = Delivery.objects.get()
    assert log.status_code is None and "refused" in log.error.lower()


def test_a_lender_without_an_active_endpoint_keeps_its_events_and_attempts(clock, lender, receiver):
    event = make_event(lender)
    assert deliver_lender_events() == {}
    endpoint = WebhookEndpoint.objects.create(lender=lender, url=receiver.url(), active=False)
    clock.shift(timedelta(days=3))
    assert deliver_lender_events() == {}
    event = refreshed(event)
    assert (event.status, event.attempts) == ("waiting", 0)
    assert not Delivery.objects.exists() and not receiver.requests

    endpoint.active = True
    endpoint.save()
    assert deliver_lender_events() == {"delivered": 1}


def test_one_lenders_failing_endpoint_does_not_hold_up_another(clock, receiver):
    failing, working = LenderFactory(name="Failing"), LenderFactory(name="Working")
    WebhookEndpoint.objects.create(lender=failing, url=receiver.url("/failing"))
    WebhookEndpoint.objects.create(lender=working, url=receiver.url("/working"))
    receiver.answer("/failing", 500)
    stuck = [make_event(failing) for _ in range(15)]  # older, so first in the queue
    clock.shift(timedelta(seconds=1))
    fine = [make_event(working) for _ in range(3)]

    counts = deliver_lender_events()

    assert counts["delivered"] == 3 and counts["retry"] == 1
    assert receiver.ids("/working") == [e.key for e in fine]
    # The failing endpoint was tried once; its other events wait without using attempts.
    assert receiver.ids("/failing") == [stuck[0].key]
    assert sorted(refreshed(e).attempts for e in stuck) == [0] * 14 + [1]


def test_a_borrowers_events_arrive_in_order_even_across_a_retry(clock, receiver):
    lender = LenderFactory()
    WebhookEndpoint.objects.create(lender=lender, url=receiver.url())
    receiver.answer("/hook", 500, 200)
    borrower = BorrowerFactory()
    first = make_event(lender, borrower=borrower, topic="pause.granted")
    second = make_event(lender, borrower=borrower, topic="dispute.opened")

    deliver_lender_events()
    assert receiver.ids() == [first.key]
    clock.shift(timedelta(seconds=30))  # the second is due, but waits behind the first
    deliver_lender_events()
    assert receiver.ids() == [first.key]
    assert refreshed(second).attempts == 0

    clock.shift(timedelta(minutes=2))
    deliver_lender_events()
    assert receiver.ids() == [first.key, first.key, second.key]


def test_another_borrowers_event_is_not_held_back_by_a_retry(clock, receiver):
    lender = LenderFactory()
    WebhookEndpoint.objects.create(lender=lender, url=receiver.url())
    receiver.answer("/hook", 500, 200)
    retried = make_event(lender)
    clock.shift(timedelta(seconds=1))
    other = make_event(lender)

    deliver_lender_events()  # the endpoint failed: nothing more for it in this run
    clock.shift(timedelta(seconds=30))
    assert deliver_lender_events() == {"delivered": 1}
    assert receiver.ids() == [retried.key, other.key]


def test_an_event_given_up_on_no_longer_holds_back_the_borrowers_next(
    clock, endpoint, receiver, monkeypatch
):
    monkeypatch.setattr(delivery, "MAX_ATTEMPTS", 1)
    receiver.answer("/hook", 500, 200)
    borrower = BorrowerFactory()
    first = make_event(endpoint.lender, borrower=borrower)
    second = make_event(endpoint.lender, borrower=borrower)

    deliver_lender_events()
    clock.shift(timedelta(minutes=1))
    deliver_lender_events()

    assert refreshed(first).status == EventStatus.GAVE_UP
    assert refreshed(second).status == EventStatus.DELIVERED


def test_topics_the_endpoint_does_not_take_are_not_sent(clock, endpoint, receiver):
    endpoint.topics = ["plan.accepted", "plan.broken"]
    endpoint.save()
    borrower = BorrowerFactory()
    unwanted = make_event(endpoint.lender, borrower=borrower, topic="pause.ended")
    wanted = make_event(endpoint.lender, borrower=borrower, topic="plan.broken")

    assert deliver_lender_events() == {"not_wanted": 1, "delivered": 1}

    assert receiver.ids() == [wanted.key]
    assert refreshed(unwanted).status == EventStatus.NOT_WANTED


def test_a_claimed_event_is_not_sent_by_a_second_worker_until_its_lease_ends(
    clock, endpoint, receiver
):
    """What a worker that died after claiming leaves behind: nobody sends the event while the
    claim stands; when it runs out, the event goes."""
    event = make_event(endpoint.lender)
    claimed, _seen = delivery._claim(delivery.timezone.now(), 10, set(), delivery.Counter())
    assert [c.event for c in claimed] == [event]

    assert deliver_lender_events() == {}
    clock.shift(delivery.LEASE)
    assert deliver_lender_events() == {"delivered": 1}
    assert len(receiver.requests) == 1


def test_the_batch_is_bounded(clock, endpoint, receiver):
    for _ in range(5):
        make_event(endpoint.lender)
    assert deliver_lender_events(limit=3) == {"delivered": 3}
    assert deliver_lender_events(limit=3) == {"delivered": 2}


def test_the_task_accepts_a_fixed_clock(endpoint, receiver):
    event = make_event(endpoint.lender)
    LenderEvent.objects.filter(pk=event.pk).update(next_attempt_at=START + timedelta(hours=1))
    assert deliver_lender_events(now=START.isoformat()) == {}
    later = (START + timedelta(hours=1)).isoformat()
    assert deliver_lender_events(now=later) == {"delivered": 1}
    [request] = receiver.requests
    assert json.loads(request.body)["id"] == event.key
    # Signed at the real time, which the receiver checks against its own clock.
    verify(endpoint.secret, request.headers["Portal-Signature"], request.body, time.time())
