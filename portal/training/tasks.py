from celery import shared_task

from . import preset_changes


@shared_task
def apply_preset_changes() -> int:
    """Daily: switch the contact rules of approved changes whose effective date has come."""
    return preset_changes.apply_due()
