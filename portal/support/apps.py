from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "portal.support"
    label = "support"
    verbose_name = _("Support console")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.change_history import track

        track("support.Note")
        track("support.Assignment", borrower=_borrower_of_queue_item)
        pre_save.connect(
            _keep_name_key, sender="repayment.Borrower", dispatch_uid="support_name_key"
        )


def _keep_name_key(sender, instance, **kwargs):
    """The borrower's pinyin search key follows the name on every save (the import's bulk
    upsert sets it itself)."""
    from portal.core.pinyin import name_key

    key = name_key(instance.full_name)
    update_fields = kwargs.get("update_fields")
    if key != instance.name_key and update_fields is not None and "name_key" not in update_fields:
        # A save of chosen fields writes only those: the key is written beside it.
        sender.objects.filter(pk=instance.pk).update(name_key=key)
    instance.name_key = key


def _borrower_of_queue_item(assignment) -> int | None:
    """An assignment names its queue item by kind and id."""
    from repayment.models import Dispute, Pause, Proposal

    if assignment.kind == "message":
        from portal.conversations.models import Thread

        return (
            Thread.objects.filter(pk=assignment.object_id)
            .values_list("borrower_id", flat=True)
            .first()
        )
    model = {"proposal": Proposal, "pause": Pause, "dispute": Dispute}.get(assignment.kind)
    if model is None:
        return None
    return (
        model.objects.filter(pk=assignment.object_id)
        .values_list("loan__borrower_id", flat=True)
        .first()
    )
