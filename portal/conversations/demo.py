"""A demo message waiting for support: Amina asks about her next payment, through the same
function the borrower's page calls. Used by ``manage.py load_demo``; never in production."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from repayment.models import Loan

from .models import Thread
from .threads import NewThread, start_thread

DEMO_LOAN = "EVD-100231"


@transaction.atomic
def load_demo_conversation(*, now: datetime | None = None) -> Thread | None:
    """Once: written three hours ago, so the answer-by time is ahead and the queue shows it."""
    loan = Loan.objects.filter(reference=DEMO_LOAN).select_related("borrower").first()
    if loan is None or Thread.objects.filter(borrower=loan.borrower).exists():
        return None
    now = now or timezone.now()
    return start_thread(
        borrower=loan.borrower,
        new=NewThread(
            about="loan",
            subject="Can I pay on a different day?",
            text=(
                "Hello, I get paid on the 15th of each month now, but my payment is due "
                "earlier. Could my payment day move to the 16th? Thank you, Amina"
            ),
            loan=loan,
        ),
        now=now - timedelta(hours=3),
    )
