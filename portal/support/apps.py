from django.apps import AppConfig
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


def _borrower_of_queue_item(assignment) -> int | None:
    """An assignment names its queue item by kind and id."""
    from repayment.models import Dispute, Pause, Proposal

    model = {"proposal": Proposal, "pause": Pause, "dispute": Dispute}.get(assignment.kind)
    if model is None:
        return None
    return (
        model.objects.filter(pk=assignment.object_id)
        .values_list("loan__borrower_id", flat=True)
        .first()
    )
