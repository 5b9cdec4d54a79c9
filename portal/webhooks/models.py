"""Where a lender hears about events (its webhook endpoint) and what happened each time we
tried (the delivery log). The events themselves are ``repayment.LenderEvent``, the outbox."""

import secrets

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from repayment.models import Lender, LenderEvent

SECRET_PREFIX = "whsec_"  # noqa: S105 (a marker that tells a secret apart, not a secret)


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """One per lender: its events go to one address, so each event has one delivery state."""

    lender = models.OneToOneField(
        Lender, on_delete=models.CASCADE, related_name="webhook", verbose_name=_("lender")
    )
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[URLValidator(schemes=["https", "http"])],
        help_text=_(
            "Where events are sent, by POST. Use https:// so that payloads are encrypted on "
            "the way."
        ),
    )
    # Kept in the clear: signing needs it, and the lender's developer needs to be told it.
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_(
            "Give this to the lender's developer: their system checks each request's "
            "Portal-Signature header with it."
        ),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "While off, events wait and no attempts are used up; they are sent when it is "
            "turned back on."
        ),
    )
    topics = models.JSONField(
        _("topics"),
        default=list,
        blank=True,
        help_text=_("Send only these topics. None ticked: send every topic."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return f"{self.lender}: {self.url}"

    def wants(self, topic: str) -> bool:
        return not self.topics or topic in self.topics


class Delivery(models.Model):
    """One attempt to send one event (or a test event, without one). Written by the sender
    only; staff read it."""

    event = models.ForeignKey(
        LenderEvent,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
        verbose_name=_("event"),
    )
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.SET_NULL,
        null=True,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    # The address at the time: the endpoint's may change later.
    url = models.CharField(_("address"), max_length=500)
    topic = models.CharField(_("topic"), max_length=40)
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started"))
    duration_ms = models.PositiveIntegerField(_("took (ms)"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    response_excerpt = models.CharField(_("response (start)"), max_length=500, blank=True)
    success = models.BooleanField(_("delivered"))

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["endpoint", "-started_at"], name="delivery_by_endpoint")]

    def __str__(self):
        return f"{self.topic} #{self.attempt} → {self.status_code or self.error}"
