"""Recording and forgetting engagement events."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from repayment.models import Borrower, EngagementEvent, EngagementKind


def record(kind: EngagementKind, *, borrower_id: int, loan_id: int | None = None, at=None) -> None:
    EngagementEvent.objects.create(
        kind=kind, borrower_id=borrower_id, loan_id=loan_id, at=at or timezone.now()
    )


SESSION_KEY = "engagement_borrower_id"
STATEMENT_SHOWN = "engagement_statement_loan_id"


def mark_statement_shown(request, loan) -> None:
    """The view showed ``loan``'s statement: recorded once the page has been served."""
    setattr(request, STATEMENT_SHOWN, loan.pk)


def session_borrower_id(request) -> int | None:
    """The signed-in login's borrower, kept in the session from sign-in (and from linking the
    login), so that recording costs no lookup; None for staff, a login not linked yet and
    signed-out readers. A login with no borrower is kept as 0, so that it is not asked again
    on every page."""
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not user.is_authenticated:
        return None
    borrower_id = session.get(SESSION_KEY)
    if borrower_id is None:
        borrower_id = remember_borrower(session, user_id=user.pk)
    return borrower_id or None


def remember_borrower(session, *, user_id: int) -> int:
    """Keep the login's borrower id (0: none) in ``session``; returns it."""
    borrower_id = Borrower.objects.filter(user_id=user_id).values_list("pk", flat=True).first() or 0
    session[SESSION_KEY] = borrower_id
    return borrower_id


def forget_old(*, now: datetime | None = None) -> int:
    """Delete events older than ``ENGAGEMENT_KEEP_DAYS``; how many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ENGAGEMENT_KEEP_DAYS)
    deleted, _ = EngagementEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
