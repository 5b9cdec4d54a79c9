"""Celery tasks for reminders. Each loads what it needs and calls a service; retries and
back-off live in the outbox rows, not in Celery, so a restart or a redelivered task loses and
repeats nothing."""

from __future__ import annotations

from datetime import datetime

from celery import shared_task
from django.core.cache import cache

from portal.notifications.outbox import sender as sending

PLANNER_LOCK = "notifications:planner-running"


@shared_task
def send_due_messages(now: str | None = None, limit: int = 500) -> dict[str, int]:
    """Every minute: set aside rows whose worker died mid-send, then send what is due.
    ``now`` (ISO 8601 with an offset) is for simulations and tests."""
    moment = datetime.fromisoformat(now) if now else None
    swept = sending.sweep_stale(now=moment)
    return {**swept, **sending.send_due(now=moment, limit=limit)}


@shared_task
def plan_reminders(now: str | None = None) -> dict[str, int]:
    """Every hour: plan the messages due today in each borrower's time zone. Running it again
    writes nothing twice (each message has a unique key)."""
    from portal.notifications.outbox.planner import plan

    # One planner at a time: two at once would each count only their own messages against
    # the daily and weekly caps. The lock outlives a slow run's hour rather than expire in it.
    if not cache.add(PLANNER_LOCK, "running", timeout=2 * 60 * 60):
        return {"skipped: another planner is running": 1}
    try:
        return dict(plan(datetime.fromisoformat(now) if now else None))
    finally:
        cache.delete(PLANNER_LOCK)
