"""A real Celery worker, on Redis, runs the servicing task against the test database."""

import datetime as dt
import time
import uuid
from decimal import Decimal

import pytest
from celery import Celery

from repayment.models import LedgerEntry
from tests.factories import EntryFactory, LoanFactory
from tests.portal.worker_helpers import BROKER, celery_worker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with celery_worker(queue):
        yield queue


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
