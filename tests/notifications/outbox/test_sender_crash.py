"""A worker killed mid-send: the message it sent is never sent again.

A separate process claims a row and hands it to a backend that writes the text to a file and
then kills its own process with SIGKILL, before the sender can record anything. What is left
is what a worker lost to a power cut leaves behind."""

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, transaction

from portal.notifications.channels import sms
from portal.notifications.models import Status
from portal.notifications.outbox import sender as sending
from tests.notifications.outbox.test_sender import NOW, planned_row, refreshed, rules  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[3]

# Every row is allowed by the contact rules here (see test_sender.Rules).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("rules")]


class DiesAfterSending(sms.FileBackend):
    def send_text(self, text):
        super().send_text(text)
        os.kill(os.getpid(), signal.SIGKILL)


class RecordsItsTransaction(sms.LocmemBackend):
    inside_a_transaction: list[bool] = []

    def send_text(self, text):
        self.inside_a_transaction.append(transaction.get_connection().in_atomic_block)
        return super().send_text(text)


WORKER = """
import datetime, sys
import django
django.setup()
from portal.notifications.contact_rules import situations
from portal.notifications.contact_rules.rules import Decision, Rule
from portal.notifications.outbox import sender as sending
situations.recheck = lambda rows, now: {r.pk: Decision(True, Rule.ALLOWED, "test") for r in rows}
sending.send_due(now=datetime.datetime.fromisoformat(sys.argv[1]))
"""


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_a_row_whose_worker_died_mid_send_is_never_sent_again(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share: run on PostgreSQL")
    sent_file = tmp_path / "sms.jsonl"
    row = planned_row()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": _database_url(),
        "SMS_BACKEND": "tests.notifications.outbox.test_sender_crash.DiesAfterSending",
        "SMS_FILE_PATH": str(sent_file),
    }

    worker = subprocess.run(
        [sys.executable, "-c", WORKER, NOW.isoformat()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert worker.returncode == -signal.SIGKILL, worker.stderr
    assert [json.loads(line)["key"] for line in sent_file.read_text().splitlines()] == [row.key]
    row = refreshed(row)
    assert (row.status, row.attempts, row.claimed_at) == (Status.SENDING, 1, NOW)

    # Every later run, on the same clock and long after, sends nothing more.
    settings.SMS_BACKEND = "portal.notifications.channels.sms.FileBackend"
    settings.SMS_FILE_PATH = str(sent_file)
    for minutes in (0, 1, 30, 24 * 60):
        later = NOW + dt.timedelta(minutes=minutes)
        sending.sweep_stale(now=later)
        sending.send_due(now=later)

    assert len(sent_file.read_text().splitlines()) == 1
    assert refreshed(row).status == Status.UNCERTAIN


def test_the_claim_is_committed_before_the_backend_is_called(settings):
    settings.SMS_BACKEND = "tests.notifications.outbox.test_sender_crash.RecordsItsTransaction"
    RecordsItsTransaction.inside_a_transaction.clear()
    planned_row()

    sending.send_due(now=NOW)

    assert RecordsItsTransaction.inside_a_transaction == [False]
