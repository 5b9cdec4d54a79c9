"""Which borrower a change concerns: the rule the app that tracks the model gave
(``portal.core.change_history.track``), else the record's own ``borrower_id``, else its loan's.
Kept to attribute access and at most one small query, as it runs for every change of a
tracked model."""

from __future__ import annotations

from django.db import models

from portal.core.change_history import borrower_rule


def borrower_id_of(instance: models.Model) -> int | None:
    rule = borrower_rule(instance._meta.model)
    if rule is not None:
        return rule(instance)
    if hasattr(instance, "borrower_id"):
        return instance.borrower_id
    if getattr(instance, "loan_id", None) is not None:
        # Usually cached already: these models' __str__ reads the loan for the entry's text.
        return instance.loan.borrower_id
    return None
