"""A real Celery worker, on Redis, runs the servicing task against the test database."""

import datetime as dt
import os
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection

from repayment.models import LedgerEntry
from tests.factories import EntryFactory, LoanFactory
from tests.portal.worker_helpers import BROKER, database_url, redis_reachable

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share: run on PostgreSQL")
    if not redis_reachable():
        pytest.skip(f"no Redis broker at {BROKER}")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield queue
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def test_worker_posts_the_installments_that_fell_due(worker):
    loan = LoanFactory(disbursed_on=dt.date(2026, 1, 10), first_due_date=dt.date(2026, 2, 10))
    EntryFactory(
        loan=loan,
        kind="disbursement",
        amount=Decimal("6000.00"),
        effective_date=dt.date(2026, 1, 10),
    )
    sender = Celery(broker=BROKER)
    sender.send_task("repayment.tasks.post_servicing_entries", args=["2026-03-10"], queue=worker)

    deadline = time.monotonic() + 60
    posted = set()
    while time.monotonic() < deadline:
        posted = set(
            LedgerEntry.objects.filter(loan=loan, source="servicing").values_list(
                "external_id", flat=True
            )
        )
        if {"svc:installment:1", "svc:installment:2"} <= posted:
            break
        time.sleep(0.25)
    assert {"svc:installment:1", "svc:installment:2", "svc:late-fee:1"} <= posted
