"""A message history for the demo borrowers, made by the real pipeline: each message goes
through the contact rules and the sender like any other, so the demo shows what borrowers
would really get (and an e-mail planned at night really waits for the morning). And one edited
message text waiting in the review workflow, for the demo compliance reviewer to approve."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.notifications.outbox.planner import notify
from portal.notifications.outbox.sender import send_all_due
from repayment.models import EntryKind, Loan
from repayment.statements.cache import statement_for

from .models import Event, MessageTemplate, OutboundMessage

DEMO_EDITOR = "editor@demo.example"
# The demo editor's edit of the English "payment due soon" text: warmer, and as plain.
PENDING_SUBJECT = "A reminder: your next payment is coming up"
PENDING_BODY = """Hello {{ name }},

Just a reminder: your next payment on loan {{ reference }} is {{ amount }}. It is due on \
{{ due_date }}.

If this date is hard for you, tell us before it comes. We can find a way that works. See what \
you can arrange: {{ help_link }}

Your loan: {{ link }}

{{ lender }}"""


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


def load_demo_pending_text() -> bool:
    """The demo editor's edit of the English "payment due soon" text, submitted for review and
    waiting for the compliance reviewer (once: a text that has been through the workflow
    already is left alone). Returns whether it was submitted now. Needs the demo staff."""
    editor = get_user_model().objects.filter(email=DEMO_EDITOR).first()
    row = MessageTemplate.objects.filter(event=Event.UPCOMING_DUE, language="en").first()
    if editor is None or row is None or row.workflow_states.exists():
        return False
    workflow = row.get_workflow()
    if workflow is None:
        return False
    draft = row.get_latest_revision_as_object()
    draft.subject = PENDING_SUBJECT
    draft.body = PENDING_BODY
    draft.save_revision(user=editor)
    workflow.start(draft, editor)
    return True
