"""A run of the daily jobs and its chunks. A chunk row is the one place a chunk's progress is
kept: its task reads and writes only its own row, so a retried chunk reruns alone."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ChunkStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Run(models.Model):
    day = models.DateField(db_index=True)
    # The moment the jobs work as of (each borrower's own today is taken from it), kept so a
    # chunk retried later does the same work; a simulation gives its own.
    as_of = models.DateTimeField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=RunStatus, default=RunStatus.RUNNING)
    started_by = models.CharField(max_length=150, default="beat")

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.day} ({self.status})"

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.finished_at else None


class Chunk(models.Model):
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="chunks")
    step = models.CharField(max_length=40)
    # The loan ids first_id to last_id, both included; both empty for a step that works on the
    # whole book at once.
    first_id = models.BigIntegerField(null=True, blank=True)
    last_id = models.BigIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ChunkStatus, default=ChunkStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    result_count = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "step", "first_id"], name="daily_run_chunk_once_per_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.step} {self.first_id}–{self.last_id}"
