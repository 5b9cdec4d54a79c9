"""Which borrower a change concerns. Kept to attribute access and at most one small query, as
it runs for every change of a registered model."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import models

# Queue items name their object by kind and id (portal.support.models.Assignment).
_QUEUE_MODELS = {
    "proposal": "repayment.Proposal",
    "pause": "repayment.Pause",
    "dispute": "repayment.Dispute",
}


def borrower_id_of(instance: models.Model) -> int | None:
    label = instance._meta.label
    if label == "repayment.Borrower":
        return instance.pk
    if label == "support.Assignment":
        if instance.kind not in _QUEUE_MODELS:
            return None
        model = apps.get_model(_QUEUE_MODELS[instance.kind])
        return (
            model.objects.filter(pk=instance.object_id)
            .values_list("loan__borrower_id", flat=True)
            .first()
        )
    if label == settings.AUTH_USER_MODEL:
        Borrower = apps.get_model("repayment", "Borrower")
        return Borrower.objects.filter(user_id=instance.pk).values_list("pk", flat=True).first()
    if hasattr(instance, "borrower_id"):
        return instance.borrower_id
    if getattr(instance, "loan_id", None) is not None:
        # Usually cached already: these models' __str__ reads the loan for the entry's text.
        return instance.loan.borrower_id
    return None
