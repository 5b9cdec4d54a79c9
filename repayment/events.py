"""Telling the lender (the outbox) and the borrower (the reminders' outbox), in the caller's
transaction: each message exists exactly when the change it reports does."""

from __future__ import annotations

from datetime import date

from repayment.models import LenderEvent, Loan
from repayment.models.lender_events import LenderTopic


def tell_lender(*, loan: Loan, topic: LenderTopic, key: str, payload: dict) -> None:
    LenderEvent.objects.get_or_create(
        key=key,
        defaults={
            "lender": loan.product.lender,
            "borrower": loan.borrower,
            "topic": topic,
            "payload": {"loan": loan.external_id, "reference": loan.reference, **payload},
        },
    )


def tell_borrower(
    *, loan: Loan, event: str, about: str, facts: dict[str, date | str] | None = None
) -> None:
    """Message the borrower about ``event`` through their channels and the contact rules.
    ``about`` names the thing it concerns ("plan12"), so that two plans ended on one day
    are two messages. The message centre has it at once; the sender, every minute, delivers
    the e-mail and text."""
    from portal.notifications.outbox.planner import notify

    notify(loan=loan, event=event, facts=facts or {}, tag=about)
