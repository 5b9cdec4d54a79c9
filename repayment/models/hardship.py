"""Hardship: a pause a borrower asks for, and an entry a borrower questions (a dispute)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from repayment.models.loans import LedgerEntry, Loan


class PauseReason(models.TextChoices):
    INCOME_DROP = "income_drop", _("My income has dropped or stopped")
    ILLNESS = "illness", _("Illness or injury")
    MENTAL_HEALTH = "mental_health", _("Mental health crisis")
    BEREAVEMENT = "bereavement", _("A death in the family")
    CARING = "caring", _("Caring for someone")
    BREATHING_SPACE = "breathing_space", _("A debt adviser has arranged Breathing Space")
    OTHER = "other", _("Something else")


class PauseStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for staff")
    GRANTED = "granted", _("Granted")
    DECLINED = "declined", _("Declined")
    ENDED = "ended", _("Ended early")


class Pause(models.Model):
    """A hardship pause: while granted, no collection reminders, and interest and fees are
    frozen as the policy says (Breathing Space always freezes both)."""

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="pauses")
    reason = models.CharField(_("reason"), max_length=20, choices=PauseReason.choices)
    note = models.TextField(_("note from the borrower"), blank=True, max_length=2000)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(_("status"), max_length=12, choices=PauseStatus.choices)
    freezes_interest = models.BooleanField(default=True)
    freezes_fees = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Staff who granted, declined or ended it; empty when it was granted at once.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    staff_note = models.TextField(
        _("note to the borrower"),
        blank=True,
        max_length=2000,
        help_text=_("Shown to the borrower with the answer."),
    )

    class Meta:
        verbose_name = _("pause")
        verbose_name_plural = _("pauses")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="pause_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.loan}: {self.starts_on} to {self.ends_on} ({self.status})"


class DisputeStatus(models.TextChoices):
    OPEN = "open", _("Being looked at")
    UPHELD = "upheld", _("Corrected")
    REJECTED = "rejected", _("Checked: the entry stands")


class Dispute(models.Model):
    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="disputes")
    entry = models.ForeignKey(
        LedgerEntry, on_delete=models.PROTECT, related_name="disputes", verbose_name=_("entry")
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=DisputeStatus.choices, default=DisputeStatus.OPEN
    )
    resolution = models.TextField(_("answer"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"], condition=Q(status="open"), name="one_open_dispute_per_entry"
            )
        ]

    def __str__(self):
        return f"{self.loan}: {self.entry_id} ({self.status})"


class PromiseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    KEPT = "kept", _("Kept")
    PART_KEPT = "part_kept", _("Partly kept")
    BROKEN = "broken", _("Not kept")


class Promise(models.Model):
    """A borrower's word that they will pay ``amount`` by ``pay_by``. While it is open,
    arrears reminders about the loan wait until ``pay_by`` plus the policy's grace days; the
    ledger then says whether it was kept (``repayment.hardship.promises``)."""

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="promises")
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    pay_by = models.DateField(_("pay by"))
    # The last day a payment counts towards it: pay_by plus the grace days at the time.
    hold_until = models.DateField(_("reminders held until"))
    made_on = models.DateField(_("made on"))
    status = models.CharField(
        _("status"), max_length=10, choices=PromiseStatus.choices, default=PromiseStatus.OPEN
    )
    paid = models.DecimalField(
        _("paid towards it"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("promise to pay")
        verbose_name_plural = _("promises to pay")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["loan"], condition=Q(status="open"), name="one_open_promise_per_loan"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="promise_amount_positive"),
            models.CheckConstraint(
                condition=Q(pay_by__gte=models.F("made_on"))
                & Q(hold_until__gte=models.F("pay_by")),
                name="promise_dates_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.loan}: {self.amount} by {self.pay_by} ({self.status})"
