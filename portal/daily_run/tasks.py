"""The daily run on Celery. ``start_daily_run`` writes the run and its chunks, then sends one
chord per step, chained so the steps run in ``STEPS`` order: each step's chunks run as a
group on whichever workers are free, and the step's callback fires once every chunk has
ended. The last callback records the run's end.

A chunk task never fails the chord: a chunk that fails is retried alone (with back-off); once
out of retries it is marked failed and the task returns, so the later steps still run and the
run ends failed with every other chunk's outcome kept."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from celery import chain, chord, group, shared_task
from django.utils import timezone

from . import running

logger = logging.getLogger(__name__)

# A run still marked running this long after it started is taken as lost (its messages died
# with a broker), and no longer keeps the next run from starting.
LOST_AFTER = timedelta(hours=6)


@shared_task
def start_daily_run(now: str | None = None, started_by: str = "beat") -> int | None:
    """``now`` (ISO 8601 with an offset) is for simulations and tests. Returns the run's id,
    or None when a run is still going."""
    if running.running_since(timezone.now() - LOST_AFTER):
        logger.warning("daily run not started: the previous run is still going")
        return None
    run = running.start(
        as_of=datetime.fromisoformat(now) if now else timezone.now(), started_by=started_by
    )
    steps = list(running.chunk_ids_by_step(run).items())
    if not steps:
        running.finish(run.pk)
        return run.pk
    chain(
        *(
            chord(
                group(run_chunk.si(pk) for pk in chunk_ids),
                finish_run.si(run.pk) if place == len(steps) - 1 else step_done.si(run.pk, step),
            )
            for place, (step, chunk_ids) in enumerate(steps)
        )
    ).apply_async()
    return run.pk


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    max_retries=3,
    retry_backoff=True,
    retry_backoff_max=600,
    acks_late=True,
)
def run_chunk(self, chunk_id: int) -> int:
    chunk = running.begin_attempt(chunk_id)
    if chunk is None:
        return 0
    try:
        count = running.work(chunk)
    except Exception as error:
        if self.request.retries < self.max_retries:
            running.note_error(chunk, error)
            raise  # autoretry_for sends it again, later
        logger.exception("daily run chunk %s failed for good", chunk_id)
        running.fail(chunk, error)
        return 0
    running.succeed(chunk, count)
    return count


@shared_task
def step_done(run_id: int, step: str) -> None:
    logger.info("daily run %s: step %s ended", run_id, step)


@shared_task
def finish_run(run_id: int) -> str:
    return running.finish(run_id).status
