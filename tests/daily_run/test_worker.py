"""A real worker, on Redis, runs a small daily run end to end: each step's chunks as a group,
the chords in order, and the run's end recorded by the last chord's callback."""

import time
import uuid

import pytest
from celery import Celery

from portal.daily_run.models import Chunk, ChunkStatus, Run, RunStatus
from repayment.models import LedgerEntry, LoanPosition
from tests.portal.worker_helpers import BROKER, celery_worker

from .book_fixtures import NOW, book

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(tmp_path):
    queue = f"test-{uuid.uuid4().hex[:8]}"
    settings = {
        # The chunks the run sends go to this test's queue, and the chords count on Redis.
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "CELERY_RESULT_BACKEND": BROKER,
        "DAILY_RUN_CHUNK_LOANS": "2",
    }
    log = tmp_path / "worker.log"
    with (
        log.open("w") as output,
        celery_worker(
            queue, env=settings, pool=("--pool=prefork", "--concurrency=2"), output=output
        ),
    ):
        yield queue
    print(log.read_text()[-4000:])


def test_a_worker_runs_every_step_through_the_chords(worker):
    loans = book(5)
    Celery(broker=BROKER).send_task(
        "portal.daily_run.tasks.start_daily_run", kwargs={"now": NOW.isoformat()}, queue=worker
    )

    deadline = time.monotonic() + 90
    run = None
    while time.monotonic() < deadline:
        run = Run.objects.first()
        if run is not None and run.status != RunStatus.RUNNING:
            break
        time.sleep(0.25)

    assert run is not None and run.status == RunStatus.DONE
    assert run.finished_at is not None
    chunks = Chunk.objects.filter(run=run)
    assert chunks.count() == 3 + 3 + 1
    assert set(chunks.values_list("status", "attempts")) == {(ChunkStatus.DONE, 1)}
    # The steps ran in order: every position chunk started after the last servicing chunk.
    last_serviced = max(chunks.filter(step="servicing").values_list("finished_at", flat=True))
    first_position = min(chunks.filter(step="positions").values_list("started_at", flat=True))
    assert first_position >= last_serviced
    assert all(
        LedgerEntry.objects.filter(loan=loan, external_id="svc:installment:2").exists()
        for loan in loans
    )
    assert LoanPosition.objects.filter(loan__in=loans).count() == len(loans)
