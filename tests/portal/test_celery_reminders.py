"""Reminders through a real Celery worker on Redis: every message goes out exactly once.

The worker is a separate process with two pool processes, on the test database, with the
file SMS and e-mail backends so that what it sent can be read back here. ``ReminderWorker``
runs any task on it and waits for the answer, so a test can chain planner and sender runs.
"""

import datetime as dt
import json
import uuid
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from celery import Celery

from portal.notifications.addresses import normalise
from portal.notifications.channels.email import message_id
from portal.notifications.models import ContactPreferences, OutboundMessage, Status
from tests.factories import LoanFactory
from tests.portal.worker_helpers import BROKER, celery_worker
from tests.repayment.plan_fixtures import late_loan, today_in

SEND = "portal.notifications.tasks.send_due_messages"
PLAN = "portal.notifications.tasks.plan_reminders"
NOW = dt.datetime(2026, 3, 10, 6, 0, tzinfo=dt.UTC)  # 14:00 in Shanghai, inside every window

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


class ReminderWorker:
    def __init__(self, queue: str, folder: Path):
        self.queue = queue
        self.sms_file = folder / "sms.jsonl"
        self.mail_dir = folder / "mail"
        self.log = folder / "worker.log"
        self.client = Celery(broker=BROKER, backend=BROKER)

    def start(self, task: str, **kwargs):
        """Queue ``task`` on this worker; returns its AsyncResult."""
        return self.client.send_task(task, kwargs=kwargs, queue=self.queue)

    def run(self, task: str, **kwargs):
        """Run ``task`` on this worker and return what it returned."""
        return self.wait(self.start(task, **kwargs))

    def wait(self, result):
        try:
            return result.get(timeout=120)
        except Exception:
            print(self.log.read_text(errors="replace"))  # shown when the test fails
            raise

    def texts(self) -> list[dict]:
        if not self.sms_file.exists():
            return []
        return [json.loads(line) for line in self.sms_file.read_text().splitlines()]

    def email_ids(self) -> list[str]:
        return [
            line.split(":", 1)[1].strip()
            for path in sorted(self.mail_dir.glob("*"))
            for line in path.read_text(errors="replace").splitlines()
            if line.startswith("Message-ID:")
        ]


@pytest.fixture
def reminder_worker(tmp_path):
    worker = ReminderWorker(f"test-{uuid.uuid4().hex[:8]}", tmp_path)
    worker.mail_dir.mkdir()
    files = {
        "SMS_BACKEND": "portal.notifications.channels.sms.FileBackend",
        "SMS_FILE_PATH": str(worker.sms_file),
        "EMAIL_URL": f"filemail:///{worker.mail_dir}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "CELERY_RESULT_BACKEND": BROKER,
    }
    with (
        worker.log.open("w") as log,
        celery_worker(
            worker.queue, env=files, pool=("--pool=prefork", "--concurrency=2"), output=log
        ),
    ):
        yield worker


def thanks_for_payment(loan, channel: str, address: str) -> OutboundMessage:
    return OutboundMessage.objects.create(
        key=f"{loan.borrower_id}:payment_received:2026-03-10:{channel}",
        borrower=loan.borrower,
        loan=loan,
        event="payment_received",
        kind="service",
        channel=channel,
        due_on=dt.date(2026, 3, 10),
        address=address,
        language="en",
        subject="We received your payment",
        body="Thank you: we received your payment of 550.00. Reply STOP to stop texts.",
        rule="allowed",
        reason="planned",
        send_at=NOW - dt.timedelta(minutes=1),
        status=Status.PLANNED,
    )


def test_two_sender_runs_at_once_and_one_after_send_every_message_exactly_once(
    reminder_worker,
):
    rows = []
    for n in range(15):
        loan = LoanFactory()
        phone = f"+86 139 0000 {n:04d}"
        ContactPreferences.objects.create(borrower=loan.borrower, sms_enabled=True, phone=phone)
        rows += [
            thanks_for_payment(loan, "sms", normalise("sms", phone)),
            thanks_for_payment(loan, "email", normalise("email", loan.borrower.email)),
            thanks_for_payment(loan, "in_portal", ""),
        ]

    together = [reminder_worker.start(SEND, now=NOW.isoformat()) for _ in range(2)]
    counts = [reminder_worker.wait(result) for result in together]
    counts.append(reminder_worker.run(SEND, now=(NOW + dt.timedelta(minutes=1)).isoformat()))

    assert sum(c.get("sent", 0) for c in counts) == len(rows)
    assert counts[-1].get("sent", 0) == 0
    texts = Counter(text["key"] for text in reminder_worker.texts())
    emails = Counter(reminder_worker.email_ids())
    assert texts == {row.key: 1 for row in rows if row.channel == "sms"}
    assert emails == {message_id(row.key): 1 for row in rows if row.channel == "email"}
    statuses = Counter(OutboundMessage.objects.values_list("status", flat=True))
    assert statuses == {Status.SENT: len(rows)}


def test_planner_then_sender_twice_on_the_worker_sends_each_reminder_once(reminder_worker):
    afternoon = dt.datetime.combine(today_in(), dt.time(14, 0), tzinfo=ZoneInfo("Asia/Shanghai"))
    loans = [late_loan(paid=3, late_days=3) for _ in range(6)]
    for n, loan in enumerate(loans[:3]):
        ContactPreferences.objects.create(
            borrower=loan.borrower, sms_enabled=True, phone=f"+86 139 1234 {n:04d}"
        )

    for _ in range(2):
        reminder_worker.run(PLAN, now=afternoon.isoformat())
        reminder_worker.run(SEND, now=(afternoon + dt.timedelta(minutes=1)).isoformat())

    rows = list(OutboundMessage.objects.all())
    # One reminder per late loan: by e-mail and in the message centre, by text for three.
    assert Counter(row.channel for row in rows) == {"email": 6, "in_portal": 6, "sms": 3}
    assert {row.event for row in rows} == {"payment_missed"}
    assert {row.status for row in rows} == {Status.SENT}
    assert Counter(text["key"] for text in reminder_worker.texts()) == {
        row.key: 1 for row in rows if row.channel == "sms"
    }
    assert Counter(reminder_worker.email_ids()) == {
        message_id(row.key): 1 for row in rows if row.channel == "email"
    }
