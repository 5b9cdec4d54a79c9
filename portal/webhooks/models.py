"""Where a lender hears about events (its webhook endpoint) and what happened each time we
tried (the delivery log). The events themselves are ``repayment.LenderEvent``, the outbox."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from repayment.models import Lender, LenderEvent

from . import targets

SECRET_PREFIX = "whsec_"  # noqa: S105 (a marker that tells a secret apart, not a secret)


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


KINDS = {
    targets.LOOPBACK: _("a loopback address (this server itself)"),
    targets.PRIVATE: _("an address on a private network"),
    targets.LINK_LOCAL: _("a link-local address (such as a cloud metadata service)"),
    targets.MULTICAST: _("a multicast address"),
    targets.UNSPECIFIED: _("an unspecified address"),
    targets.RESERVED: _("a reserved address"),
}


def public_address_error(url: str) -> ValidationError | None:
    """Why ``url`` may not be a webhook address (see ``targets``), for the administrator; None
    if it may be. A host name that cannot be resolved now is let through: the lender may not
    have published it yet, and every request is checked again before it is sent."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None  # not a URL: the field's own validator says so
    if not host:
        return None
    try:
        targets.checked(host.encode("idna").decode("ascii"), port or 443)
    except targets.Refused as refused:
        return ValidationError(
            _(
                "Webhooks are sent only to addresses on the public internet, and %(host)s "
                "leads to %(address)s, %(kind)s."
            ),
            code="not_public",
            params={
                "host": refused.host,
                "address": refused.address,
                "kind": KINDS.get(refused.kind, refused.kind),
            },
        )
    except (OSError, UnicodeError):
        return None
    return None


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
            "the way. It must be an address on the public internet: addresses inside a "
            "private network, including this server's own, are refused."
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

    def clean(self):
        super().clean()
        if self.url and not settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
            error = public_address_error(self.url)
            if error is not None:
                raise ValidationError({"url": error})

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
