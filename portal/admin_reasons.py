"""Why a change was made in Django's admin, kept with the change django-auditlog records.

The admin asks for a reason on every add, change, deletion and action (``portal.admin_site``);
while the change is saved the reason is current, and each auditlog entry written meanwhile
carries it in ``additional_data["reason"]``. One trail: the reason is part of the entry, not
a second record beside it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from auditlog.models import LogEntry
from django.db.models.signals import pre_save
from django.dispatch import receiver

_current: ContextVar[str] = ContextVar("admin_change_reason", default="")


@contextmanager
def change_reason(reason: str) -> Iterator[None]:
    token = _current.set(reason.strip())
    try:
        yield
    finally:
        _current.reset(token)


def current_reason() -> str:
    """The reason given for the admin change being saved now, or ""."""
    return _current.get()


@receiver(pre_save, sender=LogEntry, dispatch_uid="portal.admin_reasons.attach")
def attach(sender, instance: LogEntry, **kwargs) -> None:
    reason = _current.get()
    if reason and instance._state.adding:
        instance.additional_data = {**(instance.additional_data or {}), "reason": reason}
