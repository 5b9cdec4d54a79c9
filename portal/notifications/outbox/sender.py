"""Delivering the outbox: claim, recheck the rules, send, record. Call it outside any
transaction, or the claim commits only with the caller. The rules it keeps: docs/reminders.md."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from portal.notifications import channels
from portal.notifications.addresses import normalise
from portal.notifications.contact_rules.rules import Channel, Decision, Rule
from portal.notifications.models import OutboundMessage, Status, Suppression

log = logging.getLogger(__name__)

BACKOFF_FIRST = timedelta(minutes=5)
BACKOFF_MOST = timedelta(hours=6)
FIELD_LIMIT = 400  # reason, citation and last_error columns


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th attempt failed for a reason that may pass."""
    return min(BACKOFF_FIRST * 2 ** max(attempts - 1, 0), BACKOFF_MOST)


def send_due(*, now: datetime | None = None, limit: int = 500) -> dict[str, int]:
    """Send the planned rows that are due at ``now``, oldest first, at most ``limit`` of them.
    Returns how many were sent, rescheduled, suppressed, retried, failed, bounced and left
    uncertain."""
    now = now or timezone.now()
    counts: Counter[str] = Counter()
    backends: dict[str, channels.Backend] = {}
    passed_over: set[int] = set()
    handled = 0
    try:
        while handled < limit:
            # Rows claimed per transaction: a dead worker strands at most this many.
            size = min(settings.NOTIFICATIONS_CLAIM_BATCH, limit - handled)
            claimed, looked_at = _claim(now, size, passed_over, counts)
            if not looked_at:
                break
            handled += looked_at
            sent: dict[str, list[int]] = defaultdict(list)
            try:
                for row in claimed:
                    _deliver(row, backends, now, counts, sent)
            finally:
                _record_sent(sent, now)
    finally:
        for backend in backends.values():
            try:
                backend.close()
            except Exception:
                log.exception("closing the %s backend failed", type(backend).__name__)
    return dict(counts)


def send_all_due(*, now: datetime | None = None) -> Counter[str]:
    """``send_due`` until nothing due is left (a busy hour has more than one batch); rows
    moved to a later time by quiet hours or back-off are not due again, so this ends."""
    total: Counter[str] = Counter()
    while batch := send_due(now=now):
        total.update(batch)
    return total


def sweep_stale(*, now: datetime | None = None) -> dict[str, int]:
    """Rows whose worker died mid-send: "uncertain", or back to planned where repeats are
    dropped by the provider (and attempts are left)."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.NOTIFICATIONS_SENDING_TIMEOUT_MINUTES)
    stale = OutboundMessage.objects.filter(status=Status.SENDING, claimed_at__lt=cutoff)
    idempotent = _idempotent_channels()
    note = "The worker stopped while sending"
    requeued = stale.filter(
        channel__in=idempotent, attempts__lt=settings.NOTIFICATIONS_MAX_ATTEMPTS
    ).update(status=Status.PLANNED, send_at=now, last_error=f"{note}; sending again.")
    failed = stale.filter(channel__in=idempotent).update(
        status=Status.FAILED, last_error=f"{note}, too many times."
    )
    uncertain = stale.update(
        status=Status.UNCERTAIN, last_error=f"{note}: it may have gone out. Check before resending."
    )
    return {"stale_requeued": requeued, "stale_failed": failed, "stale_uncertain": uncertain}


def _idempotent_channels() -> list[str]:
    found = []
    for channel in Channel:
        try:
            if channels.backend_class(channel).idempotent:
                found.append(channel.value)
        except LookupError:
            continue  # nothing delivers it (calls)
    return found


def _recheck(rows: list[OutboundMessage], now: datetime) -> dict[int, Decision]:
    from portal.notifications.contact_rules.situations import (
        recheck,  # the planner's module; imported late to keep them apart
    )

    return recheck(rows, now)


def _claim(
    now: datetime, size: int, passed_over: set[int], counts: Counter[str]
) -> tuple[list[OutboundMessage], int]:
    """Lock up to ``size`` due rows (skipping rows another worker holds), recheck the rules,
    and commit each row's fate: claimed for sending, rescheduled or suppressed. Returns the
    claimed rows and how many rows were looked at."""
    with transaction.atomic():
        rows = list(
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(status=Status.PLANNED, send_at__lte=now)
            .exclude(pk__in=passed_over)
            .order_by("send_at", "pk")[:size]
        )
        if not rows:
            return [], 0
        decisions = _recheck(rows, now)
        claimed: list[OutboundMessage] = []
        changes: dict[tuple, list[int]] = defaultdict(list)
        for row in rows:
            decision = decisions.get(row.pk)
            quiet = decision is not None and decision.rule == Rule.QUIET_HOURS
            if decision is None or (quiet and decision.next_allowed_at is None):
                log.error("no usable contact-rules decision for %s; left planned", row.key)
                passed_over.add(row.pk)
                counts["undecided"] += 1
                continue
            fields = {
                "rule": Rule(decision.rule).value,
                "reason": decision.reason[:FIELD_LIMIT],
                "citation": decision.citation[:FIELD_LIMIT],
            }
            if decision.allowed:
                # The send time becomes the moment it went: the caps count recent
                # contacts by it (see situations.load_contacts).
                fields.update(status=Status.SENDING, claimed_at=now, send_at=now)
                row.status, row.claimed_at, row.attempts = Status.SENDING, now, row.attempts + 1
                claimed.append(row)
            elif quiet:
                fields["send_at"] = decision.next_allowed_at
                counts["rescheduled"] += 1
            else:
                fields["status"] = Status.SUPPRESSED
                counts["suppressed"] += 1
            # Most rows of a batch share their outcome and its words: one UPDATE per outcome.
            changes[tuple(sorted(fields.items()))].append(row.pk)
        for fields, pks in changes.items():
            extra = (
                {"attempts": F("attempts") + 1}
                if dict(fields).get("status") == Status.SENDING
                else {}
            )
            OutboundMessage.objects.filter(pk__any=pks).update(**dict(fields), **extra)
    return claimed, len(rows)


def _deliver(
    row: OutboundMessage,
    backends: dict[str, channels.Backend],
    now: datetime,
    counts: Counter[str],
    sent: dict[str, list[int]],
) -> None:
    try:
        backend = backends.get(row.channel)
        if backend is None:
            backend = channels.backend_for(row.channel)
            backend.open()
            backends[row.channel] = backend
    except Exception as exc:
        # Configuration, not the message: nothing went out, so it may be tried again.
        log.exception("no backend for %s", row.key)
        _retry_or_fail(row, now, counts, f"No backend: {exc!r}")
        return
    try:
        reference = backend.deliver(row)
    except channels.Bounced as exc:
        Suppression.objects.get_or_create(
            channel=row.channel,
            address=normalise(row.channel, row.address),
            reason=exc.reason,
            defaults={"source": "provider", "detail": str(exc)[:300]},
        )
        _finish(row, Status.FAILED, counts, exc.reason, error=str(exc))
    except channels.TemporaryFailure as exc:
        _retry_or_fail(row, now, counts, str(exc))
    except channels.PermanentFailure as exc:
        _finish(row, Status.FAILED, counts, "failed", error=str(exc))
    except channels.DeliveryUncertain as exc:
        _finish(row, Status.UNCERTAIN, counts, "uncertain", error=str(exc))
    except Exception as exc:
        # A defect, not an answer from the provider: the message may have gone out.
        log.exception("delivering %s failed unexpectedly", row.key)
        _finish(row, Status.UNCERTAIN, counts, "uncertain", error=f"Unexpected: {exc!r}")
    else:
        sent[reference[:200]].append(row.pk)
        counts["sent"] += 1


def _record_sent(sent: dict[str, list[int]], now: datetime) -> None:
    """Rows that went out, with the provider's reference where there is one (the message
    centre has none), in one statement whatever their number. Recorded even if a sweep marked
    a row meanwhile: it did go out."""
    pairs = [(pk, reference) for reference, group in sent.items() for pk in group]
    if not pairs:
        return
    if connection.vendor == "postgresql":
        # The status and the references in one UPDATE, joined to them as two arrays: one new
        # row version per message, where an UPDATE of the status and then one of the
        # references made two.
        table = OutboundMessage._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(  # the table is the model's; every value is a parameter
                f"UPDATE {table} AS m SET status = %s, sent_at = %s, last_error = '', "  # noqa: S608
                "provider_ref = v.ref FROM unnest(%s::bigint[], %s::varchar[]) AS v(id, ref) "
                "WHERE m.id = v.id",
                [Status.SENT.value, now, [pk for pk, _ in pairs], [ref for _, ref in pairs]],
            )
        return
    OutboundMessage.objects.filter(pk__in=[pk for pk, _ in pairs]).update(
        status=Status.SENT, sent_at=now, last_error=""
    )
    OutboundMessage.objects.bulk_update(
        [OutboundMessage(pk=pk, provider_ref=ref) for pk, ref in pairs if ref], ["provider_ref"]
    )


def _retry_or_fail(row: OutboundMessage, now: datetime, counts: Counter[str], error: str) -> None:
    if row.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
        _finish(row, Status.FAILED, counts, "failed", error=f"Gave up: {error}")
    else:
        send_at = now + backoff(row.attempts)
        _finish(row, Status.PLANNED, counts, "retrying", error=error, send_at=send_at)


def _finish(
    row: OutboundMessage, status: str, counts: Counter[str], outcome: str, *, error: str, **fields
) -> None:
    OutboundMessage.objects.filter(pk=row.pk, status=Status.SENDING).update(
        status=status, last_error=error[:FIELD_LIMIT], **fields
    )
    counts[outcome] += 1
