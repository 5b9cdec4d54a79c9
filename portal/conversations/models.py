"""Written conversations between a borrower and support.

A thread belongs to one borrower. Its posts are append-only: a message, once sent, is never
changed or removed, so what the borrower read is what the record shows. Attachments are kept in
private storage (``portal.conversations.storage``) and served only through a view that checks
the reader, never from a public media URL.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.conversations.storage import attachment_storage
from portal.core.append_only import AppendOnly


class About(models.TextChoices):
    LOAN = "loan", _("My loan")
    PLAN = "plan", _("My repayment plan")
    DISPUTE = "dispute", _("Something I disagree with")
    GENERAL = "general", _("A general question")


class ThreadStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for support")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class AuthorKind(models.TextChoices):
    BORROWER = "borrower", _("Borrower")
    STAFF = "staff", _("Support")


class ServiceLevel(models.Model):
    """How soon a lender's support team answers a borrower's message."""

    lender = models.OneToOneField(
        "repayment.Lender",
        on_delete=models.CASCADE,
        related_name="conversation_service_level",
        verbose_name=_("lender"),
    )
    answer_within_hours = models.PositiveSmallIntegerField(
        _("answer within (working hours)"),
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(720)],
        help_text=_(
            "How many hours support has to answer a borrower's message. Saturdays and Sundays "
            "do not count: 48 means two working days. Borrowers are told this time when they "
            "write, and the console queue shows it as the answer-by time."
        ),
    )

    class Meta:
        verbose_name = _("message service level")
        verbose_name_plural = _("message service levels")

    def __str__(self):
        return str(self.lender)


class Thread(models.Model):
    borrower = models.ForeignKey(
        "repayment.Borrower", on_delete=models.PROTECT, related_name="threads"
    )
    loan = models.ForeignKey(
        "repayment.Loan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="threads",
        verbose_name=_("loan"),
    )
    about = models.CharField(
        _("about"), max_length=10, choices=About.choices, default=About.GENERAL
    )
    subject = models.CharField(_("subject"), max_length=120)
    status = models.CharField(
        _("status"), max_length=10, choices=ThreadStatus.choices, default=ThreadStatus.WAITING
    )
    # Set each time the borrower writes, from the lender's service level; kept when staff answer.
    answer_by = models.DateTimeField(_("answer by"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-updated_at"]
        permissions = [("reply_to_borrowers", _("Reply to borrowers' messages"))]
        indexes = [
            models.Index(fields=["borrower", "updated_at"], name="thread_borrower_updated"),
            models.Index(fields=["status", "answer_by"], name="thread_status_answer_by"),
        ]

    def __str__(self):
        return self.subject


class Post(AppendOnly):
    append_only_message = "Messages in a conversation are never changed or removed."
    MAX_TEXT = 4000

    thread = models.ForeignKey(Thread, on_delete=models.PROTECT, related_name="posts")
    author_kind = models.CharField(_("written by"), max_length=10, choices=AuthorKind.choices)
    staff_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("message"), max_length=MAX_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author_kind="borrower", staff_user__isnull=True)
                | models.Q(author_kind="staff", staff_user__isnull=False),
                name="post_staff_user_iff_staff",
            )
        ]

    def __str__(self):
        return f"{self.thread_id}/{self.pk}"


def _attachment_path(instance, filename):
    # The borrower's file name is kept in ``name``; on disk, a random name per file.
    import uuid

    return f"conversations/{instance.post.thread_id}/{uuid.uuid4().hex}"


class Attachment(AppendOnly):
    append_only_message = "Attachments are never changed or removed."

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(_("file"), upload_to=_attachment_path, storage=attachment_storage)
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.name
