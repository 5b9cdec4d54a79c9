"""A long statement PDF the borrower asked for, made by a task rather than in the request
(``repayment.statements.pdf_requests``), and kept for a while in private storage."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from repayment.statements.storage import statement_pdf_storage

from .loans import Loan


class StatementPdfStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be prepared")


def _pdf_path(instance, filename):
    # The borrower sees a file name made from the loan and the day; on disk, a random one.
    return f"statements/{instance.loan_id}/{uuid.uuid4().hex}.pdf"


class StatementPdf(models.Model):
    """One request for a statement PDF. ``content_key`` names the statement's content exactly
    (``Statement.cache_key``: the loan's ledger, terms, the period and the borrower's day), so
    asking again for the same statement in the same language reuses the request while it is
    pending or ready, and a payment that arrives in between gets a fresh file."""

    loan = models.ForeignKey(
        # A prepared file is a copy of what the ledger says, not a record: it goes with its loan.
        Loan,
        on_delete=models.CASCADE,
        related_name="statement_pdfs",
    )
    language = models.CharField(_("language"), max_length=10)
    since = models.DateField(_("entries from"))
    as_of = models.DateTimeField(
        _("as of"), help_text=_("The moment the borrower asked: the statement as it stood then.")
    )
    day = models.DateField(_("the borrower's day"))
    content_key = models.CharField(max_length=100)
    question_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatementPdfStatus.choices,
        default=StatementPdfStatus.PENDING,
    )
    file = models.FileField(
        _("file"), upload_to=_pdf_path, storage=statement_pdf_storage, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        _("expires at"),
        db_index=True,
        help_text=_("Refused after this; the daily clean-up then deletes it."),
    )

    class Meta:
        verbose_name = _("statement PDF")
        verbose_name_plural = _("statement PDFs")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["loan", "content_key", "language"],
                condition=Q(status__in=["pending", "ready"]),
                name="one_live_statement_pdf_per_content",
            ),
            models.CheckConstraint(
                condition=~Q(status="ready") | (Q(ready_at__isnull=False) & ~Q(file="")),
                name="statement_pdf_ready_has_file",
            ),
        ]

    def __str__(self):
        return f"{self.loan_id}/{self.pk} ({self.status})"
