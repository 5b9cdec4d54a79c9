"""Telling the lender (the outbox) and the borrower (after the transaction commits)."""

from __future__ import annotations

from django.db import transaction

from ..models import LenderEvent, Loan


def tell_lender(*, loan: Loan, topic: str, key: str, payload: dict) -> None:
    """Write the event in the caller's transaction: it exists exactly when the change does."""
    LenderEvent.objects.get_or_create(
        key=key,
        defaults={
            "lender": loan.product.lender,
            "borrower": loan.borrower,
            "topic": topic,
            "payload": {"loan": loan.external_id, "reference": loan.reference, **payload},
        },
    )


def tell_borrower(*, loan: Loan, event: str, **context) -> None:
    """Send the borrower a message about ``event`` once the transaction has committed."""
    from ..tasks import send_borrower_message

    borrower_id = loan.borrower_id
    transaction.on_commit(
        lambda: send_borrower_message.delay(borrower_id, event, loan.reference, context)
    )
