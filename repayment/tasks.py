from datetime import date

from celery import shared_task

from repayment.servicing import postings as servicing


@shared_task
def post_servicing_entries(today: str | None = None) -> int:
    """Daily: post installments, interest and late fees that have fallen due."""
    return servicing.service_all(today=date.fromisoformat(today) if today else None)


@shared_task
def keep_plans_on_track(today: str | None = None) -> dict[str, int]:
    """Daily: complete paid plans, move a first missed payment to the end, end broken plans."""
    from repayment.plans.keeping_on_track import track_all

    return track_all(today=date.fromisoformat(today) if today else None)


@shared_task
def settle_promises(today: str | None = None) -> dict[str, int]:
    """Daily: mark promises to pay kept, part kept or broken from the ledger."""
    from repayment.hardship.promises import settle_all

    return settle_all(today=date.fromisoformat(today) if today else None)


@shared_task
def settle_payment_reports(today: str | None = None) -> dict[str, int]:
    """Daily: mark payments borrowers told us of arrived, or not found, from the ledger."""
    from repayment.paying.reports import settle_all

    return settle_all(today=date.fromisoformat(today) if today else None)


@shared_task
def refresh_positions() -> int:
    """Hourly: work out again the kept positions the date alone has changed (each borrower's
    day starts at their own midnight)."""
    from repayment.position_table.keeping import refresh_due

    return refresh_due()


@shared_task
def forget_old_engagement_events() -> int:
    """Daily: delete engagement events older than ENGAGEMENT_KEEP_DAYS."""
    from repayment.engagement.recording import forget_old

    return forget_old()
