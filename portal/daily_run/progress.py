"""What the console shows of runs: each step's chunks done, failed, retried and still
pending, read in one query for any number of runs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q, Sum

from .models import Chunk, ChunkStatus, Run
from .steps import STEPS


@dataclass(frozen=True)
class StepProgress:
    step: str
    label: str
    chunks: int
    done: int
    failed: int
    retried: int
    pending: int
    # What the step's work counted (entries posted, positions written, messages planned).
    results: int
    started_at: object
    finished_at: object

    @property
    def duration(self):
        if self.pending or self.started_at is None or self.finished_at is None:
            return None
        return self.finished_at - self.started_at


def steps_of(runs: list[Run]) -> dict[int, list[StepProgress]]:
    """Each run's steps, in ``STEPS`` order (a step no longer in STEPS after them)."""
    rows = (
        Chunk.objects.filter(run__in=runs)
        .values("run_id", "step")
        .annotate(
            chunks=Count("pk"),
            done=Count("pk", filter=Q(status=ChunkStatus.DONE)),
            failed=Count("pk", filter=Q(status=ChunkStatus.FAILED)),
            retried=Count("pk", filter=Q(attempts__gt=1)),
            pending=Count("pk", filter=Q(status=ChunkStatus.PENDING)),
            results=Sum("result_count", default=0),
            first_start=Min("started_at"),
            last_finish=Max("finished_at"),
        )
        .order_by()
    )
    order = list(STEPS)
    found: dict[int, list[StepProgress]] = defaultdict(list)
    for row in rows:
        step = STEPS.get(row["step"])
        found[row["run_id"]].append(
            StepProgress(
                step=row["step"],
                label=str(step.label) if step else row["step"],
                chunks=row["chunks"],
                done=row["done"],
                failed=row["failed"],
                retried=row["retried"],
                pending=row["pending"],
                results=row["results"],
                started_at=row["first_start"],
                finished_at=row["last_finish"],
            )
        )
    for progress in found.values():
        progress.sort(key=lambda p: order.index(p.step) if p.step in order else len(order))
    return found


def recent(limit: int = 30) -> list[tuple[Run, list[StepProgress]]]:
    runs = list(Run.objects.all()[:limit])
    steps = steps_of(runs)
    return [(run, steps.get(run.pk, [])) for run in runs]


def unusual_chunks(run: Run):
    """The chunks worth a look: failed, retried or not yet ended."""
    return run.chunks.filter(~Q(status=ChunkStatus.DONE) | Q(attempts__gt=1)).order_by("pk")
