"""A message history for the demo borrowers, made by the real pipeline: each message goes
through the contact rules and the sender like any other, so the demo shows what borrowers
would really get (and an e-mail planned at night really waits for the morning)."""

from __future__ import annotations

from django.utils import timezone

from portal.notifications.outbox.planner import notify
from portal.notifications.outbox.sender import send_all_due
from repayment.models import EntryKind, Loan
from repayment.statements.cache import statement_for

from .models import Event, OutboundMessage


def load_demo_messages() -> int:
    """Messages for demo loans that have none yet; returns how many loans got some."""
    loans = Loan.objects.filter(external_id__startswith="DEMO-").select_related(
        "product__lender", "borrower"
    )
    started = 0
    for loan in loans:
        if OutboundMessage.objects.filter(loan=loan).exists():
            continue
        started += 1
        statement = statement_for(loan=loan)
        payment = (
            loan.entries.filter(kind=EntryKind.PAYMENT, reversed_by__isnull=True)
            .order_by("-effective_date", "-pk")
            .first()
        )
        if payment is not None:
            notify(
                loan=loan,
                event=Event.PAYMENT_RECEIVED,
                facts={"amount": payment.amount, "paid_on": payment.effective_date},
                tag=f"entry{payment.pk}",
            )
        if statement.days_past_due:
            notify(
                loan=loan,
                event=Event.PAYMENT_MISSED,
                facts={
                    "amount": statement.amount_due,
                    "days_late": statement.days_past_due,
                    "due_date": statement.oldest_unpaid_due_date,
                },
                tag="demo",
            )
        elif statement.next_due is not None:
            notify(
                loan=loan,
                event=Event.UPCOMING_DUE,
                facts={"amount": statement.next_due.amount, "due_date": statement.next_due.date},
                tag="demo",
            )
    send_all_due(now=timezone.now())
    return started
