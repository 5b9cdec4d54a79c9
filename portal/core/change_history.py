"""Field-by-field change history, by django-auditlog, of the models whose changes matter. Each
app tracks its own models in its ``AppConfig.ready()``, and says which borrower a change
concerns where the model's own fields do not: the audit trail finds changes by borrower."""

from __future__ import annotations

from collections.abc import Callable

from auditlog.registry import auditlog
from django.apps import apps
from django.db.models import Model

BorrowerOf = Callable[[Model], int | None]
_borrower_of: dict[type[Model], BorrowerOf] = {}


def track(
    label: str, *, exclude_fields: list[str] | None = None, borrower: BorrowerOf | None = None
) -> None:
    """Record every change of the model's own columns (``"app.Model"``). ``borrower`` gives the
    id of the borrower an instance concerns, when its ``borrower_id`` or its loan's does not."""
    model = apps.get_model(label)
    if auditlog.contains(model):
        return
    # The model's own columns only: auditlog would otherwise list every reverse relation
    # ("plans: None") on each creation.
    fields = [field.name for field in model._meta.concrete_fields]
    auditlog.register(model, include_fields=fields, exclude_fields=exclude_fields)
    if borrower is not None:
        _borrower_of[model] = borrower


def borrower_rule(model: type[Model]) -> BorrowerOf | None:
    """How the app that tracks ``model`` finds an instance's borrower, if it said."""
    return _borrower_of.get(model)
