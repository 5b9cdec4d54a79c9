"""The records of a run: starting one (its chunks written before any task sees them), each
chunk's attempts and outcome on its own row, and the run's end. The tasks call these; the
Celery plumbing stays in ``tasks``."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import book
from .models import Chunk, ChunkStatus, Run, RunStatus
from .steps import STEPS

ERROR_LENGTH = Chunk._meta.get_field("error").max_length


@transaction.atomic
def start(*, as_of: datetime, started_by: str = "beat") -> Run:
    """A run as of ``as_of``, with a chunk per step and range of loans, all pending."""
    run = Run.objects.create(
        day=as_of.date(), as_of=as_of, started_at=timezone.now(), started_by=started_by
    )
    ranges = book.id_ranges(settings.DAILY_RUN_CHUNK_LOANS)
    Chunk.objects.bulk_create(
        Chunk(run=run, step=name, first_id=first, last_id=last)
        for name, step in STEPS.items()
        for first, last in (ranges if step.by_loan else [(None, None)])
    )
    return run


def chunk_ids_by_step(run: Run) -> dict[str, list[int]]:
    """The run's chunks, step by step in ``STEPS`` order; a step with no chunks (an empty
    book) is left out."""
    ids: dict[str, list[int]] = {name: [] for name in STEPS}
    for pk, step in run.chunks.order_by("pk").values_list("pk", "step"):
        ids[step].append(pk)
    return {step: pks for step, pks in ids.items() if pks}


def begin_attempt(chunk_id: int) -> Chunk | None:
    """Counts an attempt at a pending chunk; None when it is already done or failed (a
    message delivered again after its worker died)."""
    now = timezone.now()
    updated = Chunk.objects.filter(pk=chunk_id, status=ChunkStatus.PENDING).update(
        attempts=F("attempts") + 1, started_at=now, finished_at=None
    )
    return Chunk.objects.select_related("run").get(pk=chunk_id) if updated else None


def work(chunk: Chunk) -> int:
    return STEPS[chunk.step].work(chunk.first_id, chunk.last_id, chunk.run.as_of)


def succeed(chunk: Chunk, count: int) -> None:
    _close(chunk, status=ChunkStatus.DONE, result_count=count, error="")


def note_error(chunk: Chunk, error: Exception) -> None:
    """An attempt failed and will be retried: the chunk stays pending, with the error."""
    Chunk.objects.filter(pk=chunk.pk).update(error=_short(error))


def fail(chunk: Chunk, error: Exception) -> None:
    _close(chunk, status=ChunkStatus.FAILED, error=_short(error))


def finish(run_id: int) -> Run:
    """The run ends done when every chunk is done, else failed; either way each chunk keeps
    its own outcome."""
    run = Run.objects.get(pk=run_id)
    unfinished = run.chunks.exclude(status=ChunkStatus.DONE).exists()
    run.status = RunStatus.FAILED if unfinished else RunStatus.DONE
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "finished_at"])
    return run


def running_since(moment: datetime) -> bool:
    return Run.objects.filter(status=RunStatus.RUNNING, started_at__gte=moment).exists()


def _close(chunk: Chunk, **fields) -> None:
    Chunk.objects.filter(pk=chunk.pk).update(finished_at=timezone.now(), **fields)


def _short(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:ERROR_LENGTH]
