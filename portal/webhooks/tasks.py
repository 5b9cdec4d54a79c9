"""Celery task for the lender's webhooks: a thin shell. Retries and back-off live in the
outbox rows (``next_attempt_at``), not in Celery, so a restart loses and repeats nothing."""

from __future__ import annotations

from datetime import datetime

from celery import shared_task

from . import delivery


@shared_task
def deliver_lender_events(now: str | None = None, limit: int = 200) -> dict[str, int]:
    """Every minute: send the events that are due. ``now`` (ISO 8601 with an offset) is for
    simulations and tests."""
    return delivery.deliver_due(now=datetime.fromisoformat(now) if now else None, limit=limit)
