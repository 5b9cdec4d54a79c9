"""Answering a request once: staff answers lock the row and check it is still waiting, so two
people answering at once (or a double click) give one answer and a clear refusal."""

from __future__ import annotations

from django.db.models import Model


def still_in(instance: Model, status: str, *, refusal: Exception) -> Model:
    """``instance``'s row, locked for the rest of the transaction, if it is still in
    ``status``; otherwise ``refusal`` is raised and nothing changes."""
    locked = type(instance).objects.select_for_update().filter(pk=instance.pk).first()
    if locked is None or locked.status != status:
        raise refusal
    return locked
