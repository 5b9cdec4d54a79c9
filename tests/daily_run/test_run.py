"""The daily run, eagerly (as in the demo): every step over every chunk, retries alone, and a
chunk that keeps failing ends failed without stopping the others."""

import datetime as dt

import pytest
import time_machine

from portal.daily_run import steps
from portal.daily_run.models import Chunk, ChunkStatus, Run, RunStatus
from portal.daily_run.tasks import start_daily_run
from portal.notifications.models import OutboundMessage
from repayment.models import LedgerEntry, LoanPosition
from tests.factories import LoanProductFactory
from tests.repayment.plan_fixtures import late_loan

from .book_fixtures import NOW, book

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_chunks(settings):
    settings.DAILY_RUN_CHUNK_LOANS = 2


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=True):
        yield NOW


def start():
    return Run.objects.get(pk=start_daily_run.delay(now=NOW.isoformat()).get())


def test_a_run_services_refreshes_and_plans_and_records_every_chunk(at_now):
    loans = book(4)
    # Three days late, a day the planner sends a reminder on; its dues come from the lender.
    reminded = late_loan(paid=3, late_days=3, product=LoanProductFactory(servicing_enabled=False))

    run = start()

    assert run.status == RunStatus.DONE
    assert run.finished_at is not None and run.duration >= dt.timedelta(0)
    assert run.day == NOW.date() and run.started_by == "beat"
    chunks = Chunk.objects.filter(run=run)
    assert set(chunks.values_list("step", flat=True)) == set(steps.STEPS)
    assert chunks.filter(step="servicing").count() == 3  # 5 loans, 2 a chunk
    assert chunks.filter(step="planning").count() == 1
    assert set(chunks.values_list("status", "attempts")) == {(ChunkStatus.DONE, 1)}
    # Two installments each, with their interest, and a late fee for February.
    for loan in loans:
        assert {"svc:installment:1", "svc:installment:2", "svc:late-fee:1"} <= set(
            LedgerEntry.objects.filter(loan=loan).values_list("external_id", flat=True)
        )
    assert sum(chunks.filter(step="servicing").values_list("result_count", flat=True)) > 0
    assert LoanPosition.objects.filter(loan__in=loans).count() == len(loans)
    assert OutboundMessage.objects.filter(borrower=reminded.borrower).exists()
    assert Chunk.objects.get(run=run, step="planning").result_count > 0


def test_a_loan_whose_product_is_not_serviced_is_left_alone(at_now):
    [loan] = book(1, serviced=False)

    start()

    assert not LedgerEntry.objects.filter(loan=loan, source="servicing").exists()


def failing(times: int, *, on_first_id: int):
    """The servicing step, failing ``times`` times on the chunk starting at ``on_first_id``."""
    calls = {"failed": 0}
    real = steps.STEPS["servicing"]

    def work(first_id, last_id, as_of):
        if first_id == on_first_id and calls["failed"] < times:
            calls["failed"] += 1
            raise RuntimeError("database went away")
        return real.work(first_id, last_id, as_of)

    return steps.Step(real.label, work)


def test_a_chunk_that_fails_once_is_retried_alone_and_ends_done(at_now, monkeypatch):
    loans = book(5)
    monkeypatch.setitem(steps.STEPS, "servicing", failing(1, on_first_id=loans[2].pk))

    run = start()

    assert run.status == RunStatus.DONE
    servicing = Chunk.objects.filter(run=run, step="servicing")
    assert dict(servicing.values_list("first_id", "attempts")) == {
        loans[0].pk: 1,
        loans[2].pk: 2,
        loans[4].pk: 1,
    }
    assert set(servicing.values_list("status", flat=True)) == {ChunkStatus.DONE}
    assert Chunk.objects.filter(run=run).exclude(step="servicing").filter(attempts=1).count() == 4


def test_a_chunk_that_always_fails_ends_failed_and_the_run_records_the_others(at_now, monkeypatch):
    loans = book(5)
    monkeypatch.setitem(steps.STEPS, "servicing", failing(99, on_first_id=loans[2].pk))

    run = start()

    assert run.status == RunStatus.FAILED
    assert run.finished_at is not None
    broken = Chunk.objects.get(run=run, step="servicing", first_id=loans[2].pk)
    assert broken.status == ChunkStatus.FAILED
    assert broken.attempts == 4  # the first try and three retries
    assert broken.error == "RuntimeError: database went away"
    others = Chunk.objects.filter(run=run).exclude(pk=broken.pk)
    assert set(others.values_list("status", "attempts")) == {(ChunkStatus.DONE, 1)}
    # The failed chunk's loans were not serviced; the others were, and the later steps ran.
    assert not LedgerEntry.objects.filter(loan=loans[2], source="servicing").exists()
    assert LedgerEntry.objects.filter(loan=loans[0], source="servicing").exists()
    assert LoanPosition.objects.filter(loan__in=loans).count() == len(loans)


def test_a_chunk_delivered_again_after_it_ended_is_not_worked_again(at_now):
    book(1)
    run = start()
    chunk = Chunk.objects.get(run=run, step="servicing")

    from portal.daily_run.tasks import run_chunk

    assert run_chunk.delay(chunk.pk).get() == 0
    assert Chunk.objects.get(pk=chunk.pk).attempts == 1


def test_no_second_run_starts_while_one_is_going(at_now):
    Run.objects.create(day=NOW.date(), as_of=NOW, started_at=NOW)

    assert start_daily_run.delay(now=NOW.isoformat()).get() is None
    assert Run.objects.count() == 1
