"""Who may tell us that a number said STOP or START, how much we believe them, and acting on it.
The trust and replay rules: docs/replies.md."""

from __future__ import annotations

import enum
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from portal.notifications.channels import twilio_signature
from portal.notifications.contact_rules.rules import Channel
from portal.notifications.models import InboundReplySeen
from portal.notifications.preferences import opt_in, opt_out
from portal.notifications.replies.recognise import OptOutIntent

log = logging.getLogger(__name__)

KEEP_SEEN = timedelta(days=365)
TOKEN_HEADER = "X-Portal-Token"  # noqa: S105 (a header name, not a secret)
MESSAGE_ID = "MessageSid"
SECRET_QUERY_NAMES = frozenset({"token"})


class Trust(enum.Enum):
    NONE = "none"
    SHARED_SECRET = "shared secret"  # noqa: S105 (a label)
    SIGNED = "signed by the provider"


class Outcome(enum.Enum):
    STOPPED = "stopped"
    STARTED = "started"
    START_NOT_TRUSTED = "start not trusted"
    REPEAT = "repeat"


def signed_url(request) -> str:
    """The URL the provider called, as it signed it: ``SITE_URL``, not the address behind the
    proxy (see docs/replies.md)."""
    return settings.SITE_URL.rstrip("/") + request.get_full_path()


def _shared_secret(request) -> str:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get(TOKEN_HEADER, "")


def authenticate(request) -> Trust:
    if SECRET_QUERY_NAMES.intersection(request.GET):
        log.warning(
            "SMS inbound: refused a request with a secret in its URL. Take it out of the "
            "provider's webhook URL, send it in a header, and change SMS_INBOUND_TOKEN: "
            "access logs have it."
        )
        return Trust.NONE
    given_signature = request.headers.get(twilio_signature.HEADER, "")
    auth_token = getattr(settings, "TWILIO_AUTH_TOKEN", "")
    if given_signature and auth_token:
        if twilio_signature.is_valid(
            auth_token=auth_token,
            url=signed_url(request),
            params=request.POST,
            given=given_signature,
        ):
            return Trust.SIGNED
        log.warning(
            "SMS inbound: the X-Twilio-Signature does not match. If every request fails, "
            "SITE_URL is not the address configured at Twilio."
        )
        return Trust.NONE
    expected = getattr(settings, "SMS_INBOUND_TOKEN", "")
    given = _shared_secret(request)
    if expected and given and constant_time_compare(given, expected):
        return Trust.SHARED_SECRET
    return Trust.NONE


def act_on_reply(
    *,
    number: str,
    intent: OptOutIntent,
    message_id: str,
    trust: Trust,
    now: datetime | None = None,
) -> Outcome:
    """Apply a STOP or START from ``number``. ``trust`` comes from ``authenticate`` and must not
    be ``Trust.NONE``. The record of the message id and the change commit together, so a
    request that fails half-way can be sent again by the provider."""
    if intent.kind == "start" and not (trust is Trust.SIGNED and message_id):
        log.info("SMS inbound: a START without the provider's signature was ignored")
        return Outcome.START_NOT_TRUSTED
    now = now or timezone.now()
    with transaction.atomic():
        if message_id:
            try:
                with transaction.atomic():
                    InboundReplySeen.objects.create(provider_id=message_id, received_at=now)
            except IntegrityError:
                return Outcome.REPEAT
            InboundReplySeen.objects.filter(received_at__lt=now - KEEP_SEEN).delete()
        if intent.kind == "stop":
            opt_out(channel=Channel.SMS, address=number, source="reply", detail=intent.matched)
            return Outcome.STOPPED
        opt_in(channel=Channel.SMS, address=number)
        return Outcome.STARTED
