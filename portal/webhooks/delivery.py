"""Delivering the lender's outbox (``repayment.LenderEvent``) to its webhook endpoint.

The rules this module keeps:

- Claim, then send. A due waiting event is claimed in a short transaction (rows another worker
  holds are skipped) by pushing its ``next_attempt_at`` one ``LEASE`` ahead; the claim commits
  before the POST, so no transaction stays open across the network, a second worker does not
  pick the event up, and an event whose worker died is simply due again when the lease ends.
- One event per borrower at a time, oldest first: an event is not sent while an older event of
  the same borrower and lender is still waiting (for its retry, or for the endpoint to be
  turned on). An event the sender gave up on no longer holds the later ones back.
- A lender without an active endpoint keeps its events waiting, and no attempt is used up.
  A topic the endpoint does not take is marked "not wanted", never sent.
- Every attempt writes a ``Delivery`` row. A 2xx answer delivers the event. Anything else
  (another status, a timeout, a refused connection) schedules the next attempt after
  ``backoff`` (1 minute, doubling, at most 6 hours, ±10% jitter so that retries of a
  lender's events spread out); after ``MAX_ATTEMPTS`` (about two days) it gives up, and staff
  can put it back with ``try_again``.
- An address that leads to a loopback, private, link-local or otherwise non-public address is
  not connected to (``targets``): the attempt fails like a refused connection, and is logged.
- One lender's failing endpoint does not hold up the others: after its first failure in a
  run, its other events wait for the next run, and nothing about one event stops the run.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from repayment.models import LenderEvent
from repayment.models.lender_events import EventStatus

from . import envelope, transport
from .models import Delivery, WebhookEndpoint, new_secret
from .topics import TEST_TOPIC

log = logging.getLogger(__name__)

FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=6)
JITTER = 0.1
# 1+2+4+...+256 minutes, then 6 hours: the 16th attempt comes about 44 hours after the first.
MAX_ATTEMPTS = 16
TIMEOUT = 10.0  # seconds, for connecting and for each read
CLAIM_BATCH = 10
# Longer than a claimed batch can take (CLAIM_BATCH timeouts), so a lease never runs out
# while its worker is still sending.
LEASE = timedelta(minutes=5)


def backoff(attempts: int, *, rand: Callable[[], float] = random.random) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt."""
    delay = min(FIRST_DELAY * 2 ** max(attempts - 1, 0), LONGEST_DELAY)
    return delay * (1 + JITTER * (2 * rand() - 1))


@dataclass(frozen=True)
class Claimed:
    event: LenderEvent
    endpoint: WebhookEndpoint


def deliver_due(
    *,
    now: datetime | None = None,
    limit: int = 200,
    timeout: float = TIMEOUT,
    budget: float = 50.0,
) -> dict[str, int]:
    """Send the waiting events that are due, at most ``limit`` of them and for about
    ``budget`` seconds (the task runs every minute). Returns how many were delivered,
    retried, given up, not wanted, and left for the next run. ``now`` fixes the clock (for
    simulations); otherwise each step reads it. Call outside a transaction: each claim
    must commit before its POST."""
    clock = (lambda: now) if now is not None else timezone.now
    deadline = time.monotonic() + budget
    counts: Counter[str] = Counter()
    failing: set[int] = set()  # lenders whose endpoint failed in this run
    handled = 0
    while handled < limit and time.monotonic() < deadline:
        claimed, looked_at = _claim(clock(), min(CLAIM_BATCH, limit - handled), failing, counts)
        if not looked_at:
            break
        handled += looked_at
        left = []  # events of a lender whose endpoint failed: released together
        for item in claimed:
            if item.event.lender_id in failing:
                left.append(item.event.pk)
                continue
            try:
                outcome = _attempt(item, clock, timeout)
            except Exception:
                # A fault on our side, not the lender's answer: counted as a failed attempt,
                # so an event that keeps breaking still gives up where staff see it.
                log.exception("delivering %s failed unexpectedly", item.event.key)
                _record(item.event, item.event.attempts + 1, delivered=False, now=clock())
                outcome = "error"
            counts[outcome] += 1
            if outcome != EventStatus.DELIVERED.value:
                failing.add(item.event.lender_id)
        if left:
            _release(left, clock())
            counts["left_for_next_run"] += len(left)
    return dict(counts)


def _claim(
    now: datetime, size: int, failing: set[int], counts: Counter[str]
) -> tuple[list[Claimed], int]:
    """Lease up to ``size`` due events, each its borrower's oldest waiting one, and mark the
    ones the endpoint does not take. Returns the leased events and how many rows were seen."""
    older_waiting = LenderEvent.objects.filter(
        status=EventStatus.WAITING,
        lender_id=OuterRef("lender_id"),
        borrower_id=OuterRef("borrower_id"),
        pk__lt=OuterRef("pk"),
    )
    active = WebhookEndpoint.objects.filter(active=True).exclude(lender_id__in=failing)
    with transaction.atomic():
        rows = list(
            LenderEvent.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                ~Exists(older_waiting),
                status=EventStatus.WAITING,
                next_attempt_at__lte=now,
                lender_id__in=active.values("lender_id"),
            )
            .order_by("next_attempt_at", "pk")[:size]
        )
        if not rows:
            return [], 0
        endpoints = {
            e.lender_id: e
            for e in WebhookEndpoint.objects.filter(lender_id__in={r.lender_id for r in rows})
        }
        claimed, unwanted = [], []
        for row in rows:
            endpoint = endpoints[row.lender_id]
            (claimed if endpoint.wants(row.topic) else unwanted).append(row)
        if unwanted:
            LenderEvent.objects.filter(pk__in=[r.pk for r in unwanted]).update(
                status=EventStatus.NOT_WANTED
            )
            counts[EventStatus.NOT_WANTED.value] += len(unwanted)
        LenderEvent.objects.filter(pk__in=[r.pk for r in claimed]).update(
            next_attempt_at=now + LEASE
        )
    return [Claimed(row, endpoints[row.lender_id]) for row in claimed], len(rows)


def _release(pks: list[int], now: datetime) -> None:
    """Give leased events back, due at once, for the next run."""
    LenderEvent.objects.filter(pk__in=pks, status=EventStatus.WAITING).update(next_attempt_at=now)


def _attempt(item: Claimed, clock: Callable[[], datetime], timeout: float) -> str:
    event, endpoint = item.event, item.endpoint
    started = clock()
    response = send(
        endpoint=endpoint,
        topic=event.topic,
        event_id=event.key,
        body=envelope.body_for(event),
        timeout=timeout,
    )
    attempt, finished = event.attempts + 1, clock()
    with transaction.atomic():
        _log(endpoint, event, event.topic, attempt, started, response)
        status = _record(event, attempt, delivered=response.ok, now=finished)
    return str(status.value) if status != EventStatus.WAITING else "retry"


def _record(event: LenderEvent, attempt: int, *, delivered: bool, now: datetime) -> EventStatus:
    """The event's state after its ``attempt``-th attempt: delivered, given up after the last
    one, or waiting for the back-off."""
    if delivered:
        status, fields = EventStatus.DELIVERED, {"delivered_at": now}
    elif attempt >= MAX_ATTEMPTS:
        status, fields = EventStatus.GAVE_UP, {"gave_up_at": now}
        log.warning("gave up on %s after %d attempts", event.key, attempt)
    else:
        status, fields = EventStatus.WAITING, {"next_attempt_at": now + backoff(attempt)}
    LenderEvent.objects.filter(pk=event.pk).update(status=status, attempts=attempt, **fields)
    return status


def send(
    *,
    endpoint: WebhookEndpoint,
    topic: str,
    event_id: str,
    body: bytes,
    timeout: float,
) -> transport.Response:
    """POST ``body`` signed with the endpoint's secret. The signature's time is the real
    clock's, even when the run's ``now`` is fixed: the receiver compares it with its own.
    The address is checked again here, not only when it was saved (see ``targets``)."""
    headers = envelope.headers(
        secret=endpoint.secret,
        body=body,
        topic=topic,
        event_id=event_id,
        timestamp=int(time.time()),
    )
    return transport.post(
        endpoint.url,
        body,
        headers,
        timeout,
        allow_private=settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
    )


def _log(endpoint, event, topic, attempt, started, response) -> Delivery:
    return Delivery.objects.create(
        event=event,
        endpoint=endpoint,
        url=endpoint.url,
        topic=topic,
        attempt=attempt,
        started_at=started,
        duration_ms=response.duration_ms,
        status_code=response.status,
        error=response.error[:300],
        response_excerpt=response.excerpt[:500],
        success=response.ok,
    )


def send_test(*, endpoint: WebhookEndpoint, timeout: float = TIMEOUT) -> Delivery:
    """Send a ``webhook.test`` event now, whether or not the endpoint is active, and log it.
    It is not in the outbox: nothing retries it."""
    now = timezone.now()
    event_id = f"{TEST_TOPIC}:{uuid.uuid4().hex}"
    body = envelope.body(
        event_id=event_id,
        topic=TEST_TOPIC,
        created_at=now,
        data={"lender": endpoint.lender.name},
    )
    response = send(
        endpoint=endpoint, topic=TEST_TOPIC, event_id=event_id, body=body, timeout=timeout
    )
    return _log(endpoint, None, TEST_TOPIC, 1, now, response)


def try_again(*, events, now: datetime | None = None) -> list[str]:
    """Put given-up (or not wanted) events back in the queue, due at once, with a fresh
    count of attempts. Returns their keys."""
    with transaction.atomic():
        chosen = dict(
            events.select_for_update()
            .filter(status__in=[EventStatus.GAVE_UP, EventStatus.NOT_WANTED])
            .values_list("pk", "key")
        )
        LenderEvent.objects.filter(pk__in=chosen).update(
            status=EventStatus.WAITING,
            attempts=0,
            gave_up_at=None,
            next_attempt_at=now or timezone.now(),
        )
    return list(chosen.values())


def rotate_secret(*, endpoint: WebhookEndpoint) -> str:
    """A new signing secret, in use from the next request on."""
    endpoint.secret = new_secret()
    endpoint.save(update_fields=["secret"])
    return endpoint.secret
