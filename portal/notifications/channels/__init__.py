"""Channels deliver one outbox row each and say how it went.

A channel backend has one method, ``deliver(message) -> str``, which hands the message to its
provider and returns the provider's reference for it, or raises one of the errors below. It
never changes the row: the sender records the outcome (see ``notifications.sending``).

- ``TemporaryFailure``: nothing went out; try again later (the sender backs off).
- ``PermanentFailure``: nothing went out and trying again will not help; give up.
- ``Bounced``: the address is dead; give up and suspend the channel for that address.
  ``RecipientOptedOut`` is the provider telling us the owner opted out with it directly.
- ``DeliveryUncertain``: the provider may have the message (the connection broke after the
  request went out). Never retried automatically: a second try could send it twice.

A backend whose provider drops a second delivery of the same message (keyed on the row's
``key``) sets ``idempotent = True``; only then may a row whose worker died mid-send be tried
again. ``open()`` and ``close()`` bracket a run, so a backend can keep one connection for it.

Which backend serves which channel: e-mail goes through Django's own e-mail machinery
(``EMAIL_BACKEND``, so any django-anymail provider works by configuration), SMS through the
``SMS_BACKEND`` setting (see ``channels.sms``), and the message centre needs no provider.
"""

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
