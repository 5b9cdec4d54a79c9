from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled() -> None:
    """Publish lessons and glossary terms whose go-live time has come, and unpublish those
    that have expired (Wagtail's scheduled publishing). Idempotent; beat runs it often."""
    call_command("publish_scheduled", verbosity=0)


@shared_task
def prune_search_log() -> int:
    """Delete logged searches older than ``EDUCATION_SEARCH_LOG_DAYS``; how many. Daily."""
    from .search_log import prune

    return prune()
