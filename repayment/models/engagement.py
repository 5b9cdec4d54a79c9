"""What a borrower did on the portal, kept as small as it can be: who, which loan, what kind of
thing and when, never what the page said. Later risk work reads it as engagement (does the
borrower still sign in, read the statement, open messages?); it is kept for
``ENGAGEMENT_KEEP_DAYS`` and is part of what the borrower's data holds."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .loans import Borrower, Loan


class EngagementKind(models.TextChoices):
    SIGNED_IN = "signed_in", _("Signed in")
    STATEMENT_VIEWED = "statement_viewed", _("Opened a statement")
    LESSON_READ = "lesson_read", _("Read a lesson")
    MESSAGE_OPENED = "message_opened", _("Opened a message")


class EngagementEvent(models.Model):
    borrower = models.ForeignKey(
        Borrower, on_delete=models.CASCADE, related_name="engagement_events"
    )
    loan = models.ForeignKey(
        Loan, on_delete=models.CASCADE, null=True, blank=True, related_name="engagement_events"
    )
    kind = models.CharField(max_length=20, choices=EngagementKind.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("engagement event")
        verbose_name_plural = _("engagement events")
        indexes = [
            models.Index(fields=["borrower", "at"], name="engagement_borrower_at"),
            models.Index(fields=["at"], name="engagement_at"),
        ]

    def __str__(self):
        return f"{self.borrower_id} {self.kind} at {self.at:%Y-%m-%d %H:%M}"
