"""Who saw or changed what, when, from where, and why.

``Record`` holds what the console records itself: every view of a borrower's data by staff,
every staff action, with the reason asked for, and every attempt of a signed-in login that was
refused. Field-by-field change history of the domain models comes from django-auditlog. Records
are append-only: the application can add them and never update or delete them (see
``repayment.models.AppendOnly`` and the database triggers)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from repayment.models import AppendOnly


class RecordKind(models.TextChoices):
    VIEW = "view", _("Viewed")
    CHANGE = "change", _("Changed")
    # A signed-in login tried something its role does not allow: a 403 in a staff area, or an
    # action the console refused (see ``recording.record_refusal``).
    REFUSED = "refused", _("Refused")


class Record(AppendOnly):
    append_only_message = "Audit records are append-only."

    at = models.DateTimeField(_("when"), default=timezone.now)
    # No database constraint and no cascade: a record outlives the user or borrower it names.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who"), max_length=254, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=RecordKind.choices)
    action = models.CharField(_("what"), max_length=60)
    borrower = models.ForeignKey(
        "repayment.Borrower",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("borrower"),
    )
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(
        pgettext_lazy("the network address a request came from", "from"), null=True, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["-at", "-id"]
        default_permissions = ("view",)
        permissions = [
            ("view_trail", _("Search and export the audit trail")),
            ("set_disclosure", _("Turn on or off borrowers seeing when staff viewed them")),
        ]
        indexes = [
            models.Index(fields=["borrower", "at"], name="audit_borrower_at"),
            models.Index(fields=["actor", "at"], name="audit_actor_at"),
            models.Index(fields=["at"], name="audit_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


class ChangeBorrower(AppendOnly):
    append_only_message = "Audit records are append-only."

    """The borrower a django-auditlog entry concerns, so the trail is searchable by borrower
    with an index. Written with the entry (see ``changes``); append-only like ``Record``."""

    entry = models.OneToOneField(
        "auditlog.LogEntry",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="borrower_link",
    )
    borrower = models.ForeignKey(
        "repayment.Borrower",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the (borrower, entry) index below serves it
        related_name="+",
    )

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["borrower", "entry"], name="audit_change_borrower")]

    def __str__(self):
        return f"{self.entry_id} → {self.borrower_id}"


class Disclosure(models.Model):
    """Whether a lender's borrowers see when staff viewed their account."""

    lender = models.OneToOneField(
        "repayment.Lender", on_delete=models.CASCADE, related_name="disclosure"
    )
    show_staff_views = models.BooleanField(
        _("borrowers see when staff viewed their account"), default=True
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("disclosure setting")
        verbose_name_plural = _("disclosure settings")

    def __str__(self):
        return f"{self.lender_id}: {self.show_staff_views}"
