"""The audit trail's side of the change history (django-auditlog; each app tracks its own
models in its ``AppConfig.ready()`` with ``portal.core.change_history.track``): each change that
concerns a borrower gets a ``ChangeBorrower`` row in the same transaction, which is what the
trail searches by."""

from auditlog.signals import post_log

from .subjects import borrower_id_of


def connect() -> None:
    post_log.connect(link_borrower, dispatch_uid="audit.link_borrower")


def link_borrower(sender, instance, log_entry=None, log_created=False, **kwargs):
    if not log_created or log_entry is None:
        return
    borrower_id = borrower_id_of(instance)
    if borrower_id is not None:
        from .models import ChangeBorrower

        ChangeBorrower.objects.create(entry=log_entry, borrower_id=borrower_id)
