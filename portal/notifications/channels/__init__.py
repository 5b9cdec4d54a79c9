"""Channels deliver one outbox row each and say how it went: the backend interface, its errors,
and which backend serves which channel. See docs/reminders.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.module_loading import import_string

from portal.notifications.contact_rules.rules import Channel

if TYPE_CHECKING:
    from ..models import OutboundMessage


class DeliveryError(Exception):
    """Base of what a channel backend may raise; the message says what happened, for staff."""


class TemporaryFailure(DeliveryError):
    pass


class PermanentFailure(DeliveryError):
    pass


class Bounced(DeliveryError):
    reason = "bounced"  # the Suppression.Reason the sender records for the address


class RecipientOptedOut(Bounced):
    reason = "opted_out"


class DeliveryUncertain(DeliveryError):
    pass


class Backend:
    """What every channel backend looks like. Subclasses implement ``deliver``."""

    idempotent = False

    def open(self) -> None:
        """Called once before a run's deliveries."""

    def close(self) -> None:
        """Called once after a run's deliveries, even if one raised."""

    def deliver(self, message: OutboundMessage) -> str:
        raise NotImplementedError


def backend_class(channel: str) -> type[Backend]:
    """The backend class for a channel; raises ``LookupError`` for a channel nothing
    delivers (phone calls are made by people)."""
    from .email import EmailChannel
    from .in_portal import InPortalChannel

    if channel == Channel.EMAIL:
        return EmailChannel
    if channel == Channel.SMS:
        return import_string(settings.SMS_BACKEND)
    if channel == Channel.IN_PORTAL:
        return InPortalChannel
    raise LookupError(f"no backend delivers the {channel!r} channel")


def backend_for(channel: str) -> Backend:
    return backend_class(channel)()
