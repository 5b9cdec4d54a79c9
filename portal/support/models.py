"""The console's own records: notes on a borrower, and who has a queue item. Its permissions
live on ``Console``, a model with no table, so that roles are ordinary Django groups."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Console(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("use_console", _("Open the support console and see borrowers' accounts")),
            ("answer_proposals", _("Approve, counter or decline proposals inside the policy")),
            ("approve_beyond_policy", _("Sign off plans beyond the plan policy's limits")),
            ("decide_pauses", _("Grant, decline or end pauses")),
            ("resolve_disputes", _("Resolve disputes")),
            ("record_contacts", _("Record a contact with a borrower")),
            ("add_notes", _("Add notes to a borrower")),
            ("resend_invitations", _("Send a borrower a new invitation link")),
            ("resend_messages", _("Send again a message that failed or may not have arrived")),
            ("view_dashboard", _("See the supervisors' dashboard")),
            ("reassign_work", _("Take over queue items someone else has")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class Note(models.Model):
    borrower = models.ForeignKey(
        "repayment.Borrower", on_delete=models.PROTECT, related_name="support_notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["borrower", "created_at"], name="note_borrower_created")]

    def __str__(self):
        return f"{self.borrower_id} {self.created_at:%Y-%m-%d}"


class QueueKind(models.TextChoices):
    PROPOSAL = "proposal", _("Plan proposal")
    PAUSE = "pause", _("Pause request")
    DISPUTE = "dispute", _("Dispute")
    MESSAGE = "message", _("Message from a borrower")


class Assignment(models.Model):
    """Who has taken a queue item, so two agents do not answer one borrower twice."""

    kind = models.CharField(max_length=10, choices=QueueKind.choices)
    object_id = models.PositiveBigIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_assignment_per_item")
        ]

    def __str__(self):
        return f"{self.kind}{self.object_id} → {self.user_id}"


class SignOffStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for sign-off")
    SIGNED_OFF = "signed_off", _("Signed off")
    SENT_BACK = "sent_back", _("Sent back")


class SignOff(models.Model):
    """A colleague's request that a supervisor sign off a queue item before it is answered,
    and the supervisor's answer. One request waits per item at a time."""

    kind = models.CharField(max_length=10, choices=QueueKind.choices)
    object_id = models.PositiveBigIntegerField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sign_offs_asked"
    )
    note = models.TextField(_("what to look at"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=SignOffStatus.choices, default=SignOffStatus.WAITING
    )
    answer = models.TextField(_("supervisor's note"), max_length=2000, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-off request")
        verbose_name_plural = _("sign-off requests")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"],
                condition=models.Q(status="waiting"),
                name="one_waiting_sign_off_per_item",
            )
        ]
        indexes = [models.Index(fields=["supervisor", "status"], name="sign_off_supervisor_status")]

    def __str__(self):
        return f"{self.kind}{self.object_id} → {self.supervisor_id} ({self.status})"


class StaffSettings(models.Model):
    """A staff login's own settings: the time zone it reads and types times in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="console_settings"
    )
    time_zone = models.CharField(_("time zone"), max_length=64)

    class Meta:
        verbose_name = _("console settings")
        verbose_name_plural = _("console settings")

    def __str__(self):
        return f"{self.user_id}: {self.time_zone}"
