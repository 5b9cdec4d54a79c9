"""The timed steps of the bench day, each run in its own process by ``day_bench.py --step``.
Each returns (rows, what the rows are, details): rows per second is rows over the step's time.
Django is set up by the caller; the clock is at the bench day's moment (``book.bench_now``)."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path

from django.core.management import call_command
from django.db.models import Count

from portal.notifications.models import OutboundMessage, Status
from portal.notifications.outbox.planner import plan
from portal.notifications.outbox.sender import send_due
from repayment.models import LedgerEntry, Loan
from repayment.position_table.keeping import refresh_due
from repayment.servicing.in_bulk import service_book


def import_batch(now: dt.datetime, *, batch: Path, **_) -> tuple[int, str, dict]:
    out = io.StringIO()
    before = LedgerEntry.objects.count()
    call_command("import_loans", str(batch), stdout=out)
    added = LedgerEntry.objects.count() - before
    return added, "entries", {"summary": out.getvalue().strip()}


def servicing(now: dt.datetime, **_) -> tuple[int, str, dict]:
    loans = Loan.objects.filter(product__servicing_enabled=True).count()
    posted = service_book(now=now)
    return loans, "loans", {"posted": posted}


def positions(now: dt.datetime, **_) -> tuple[int, str, dict]:
    return refresh_due(now=now), "positions", {}


def planning(now: dt.datetime, **_) -> tuple[int, str, dict]:
    last = OutboundMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    decisions = plan(now)
    today = OutboundMessage.objects.filter(pk__gt=last)
    by_event = dict(today.values_list("event").annotate(n=Count("pk")))
    due = today.filter(status=Status.PLANNED, send_at__lte=now)
    details = {
        "decisions": {str(key): count for key, count in decisions.items()},
        "events": by_event,
        "due now": dict(due.values_list("channel").annotate(n=Count("pk"))),
    }
    return today.count(), "outbox rows", details


def sending(now: dt.datetime, *, messages: int, **_) -> tuple[int, str, dict]:
    counts = Counter(send_due(now=now, limit=messages))
    # Today's, with the message-centre rows the planner delivered itself.
    by_channel = dict(
        OutboundMessage.objects.filter(status=Status.SENT, sent_at__gte=now)
        .values_list("channel")
        .annotate(n=Count("pk"))
    )
    return counts["sent"], "messages", {"outcomes": dict(counts), "sent today": by_channel}


STEPS = {
    "import": import_batch,
    "servicing": servicing,
    "positions": positions,
    "planning": planning,
    "sending": sending,
}
