"""The outbox of events the lender hears about (plans agreed, pauses, disputes), delivered by
the webhook sender."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from repayment.models.loans import Borrower, Lender


class LenderTopic(models.TextChoices):
    """What the lender is told about (``repayment.events.tell_lender``): each is a webhook topic,
    and the endpoint's topic filter offers exactly these."""

    PLAN_ACCEPTED = "plan.accepted", _("A plan was agreed")
    PLAN_BROKEN = "plan.broken", _("A plan was broken")
    PLAN_COMPLETED = "plan.completed", _("A plan was completed")
    PAUSE_GRANTED = "pause.granted", _("A pause was granted")
    PAUSE_ENDED = "pause.ended", _("A pause was ended early")
    DISPUTE_OPENED = "dispute.opened", _("A dispute was opened")
    DISPUTE_RESOLVED = "dispute.resolved", _("A dispute was resolved")
    PROMISE_MADE = "promise.made", _("A promise to pay was made")
    PROMISE_KEPT = "promise.kept", _("A promise to pay was kept")
    PROMISE_BROKEN = "promise.broken", _("A promise to pay was not kept")
    PAYMENT_REPORTED = "payment.reported", _("A borrower told us they paid")
    PAYMENT_REPORT_ARRIVED = "payment.report_arrived", _("A payment a borrower told us of arrived")
    PAYMENT_REPORT_NOT_FOUND = (
        "payment.report_not_found",
        _("A payment a borrower told us of was not found"),
    )


class EventStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be delivered")
    DELIVERED = "delivered", _("Delivered")
    GAVE_UP = "gave_up", _("Gave up: staff can try again")
    NOT_WANTED = "not_wanted", _("Not sent: the lender's webhook does not take this topic")


class LenderEvent(models.Model):
    """The outbox: what the lender must hear, written in the same transaction as the change.
    ``portal.webhooks.delivery`` sends waiting rows once ``next_attempt_at`` has come, and
    records the outcome here; the key makes writing one twice a no-op."""

    lender = models.ForeignKey(Lender, on_delete=models.PROTECT, related_name="events")
    borrower = models.ForeignKey(Borrower, on_delete=models.PROTECT, related_name="events")
    topic = models.CharField(max_length=40)
    key = models.CharField(max_length=120, unique=True)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.WAITING
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        default=timezone.now,
        help_text=_("A waiting event is sent once this time has come."),
    )
    gave_up_at = models.DateTimeField(_("gave up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event for the lender")
        verbose_name_plural = _("events for the lender")
        ordering = ["created_at"]
        indexes = [
            # What the sender looks for: waiting rows that are due ...
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="waiting"),
                name="lender_event_due",
            ),
            # ... and whether a borrower has an older one still waiting (sent in order).
            models.Index(
                fields=["lender", "borrower", "id"],
                condition=Q(status="waiting"),
                name="lender_event_waiting_in_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="delivered", delivered_at__isnull=False)
                | (~Q(status="delivered") & Q(delivered_at__isnull=True)),
                name="lender_event_delivered_has_time",
            )
        ]

    def __str__(self):
        return self.key
