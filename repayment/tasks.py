from datetime import date

from celery import shared_task

from . import servicing


@shared_task
def post_servicing_entries(today: str | None = None) -> int:
    """Daily: post installments, interest and late fees that have fallen due."""
    return servicing.service_all(today=date.fromisoformat(today) if today else None)


@shared_task
def keep_plans_on_track(today: str | None = None) -> dict[str, int]:
    """Daily: complete paid plans, move a first missed payment to the end, end broken plans."""
    from .plans.tracking import track_all

    return track_all(today=date.fromisoformat(today) if today else None)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_borrower_message(borrower_id: int, event: str, reference: str, context: dict) -> bool:
    """E-mail the borrower about a change to their plan, pause or dispute, in their language."""
    from .plans.messages import send

    return send(borrower_id=borrower_id, event=event, reference=reference, context=context)
