"""Who may tell us that a number said STOP or START, and how much we believe them.

The inbound webhook (``views.sms_inbound``) turns texts off and on for a phone number, so a
forged request could silence a borrower's reminders or, worse, switch texts back on for a
number whose owner said STOP. The rules:

- **Twilio's signature** (``X-Twilio-Signature``, checked with ``TWILIO_AUTH_TOKEN``) is the
  only proof that the provider itself sent the request: ``Trust.SIGNED``. Twilio signs the URL
  it was told to call, not the one our server sees behind a proxy or load balancer (``http``
  instead of ``https``, an internal host name), so the URL is rebuilt from ``SITE_URL`` plus
  the request's path and query string: ``SITE_URL`` must be the public address configured at
  Twilio. A signature that does not match is refused, whatever else the request carries.
- **A shared secret** (``SMS_INBOUND_TOKEN``) is accepted in a header only, as
  ``Authorization: Bearer <secret>`` or ``X-Portal-Token: <secret>``: ``Trust.SHARED_SECRET``.
  It proves less (anyone who saw it can send anything, and nothing ties it to one message),
  so it may stop texts (opting out is always safe) but never start them again.
- **A secret in the query string** (the old ``?token=``) is refused, even when correct: URLs
  are written to access logs, proxies' logs and the provider's debugger, so such a secret is
  already exposed. The refusal is logged (without the value) so the secret gets changed, and
  the provider's webhook URL must not carry it.
- **Replays.** The provider's message id (``MessageSid``) of each STOP or START acted on is
  stored (``InboundReplySeen``, unique), in the same transaction as the change; the same id
  again is answered 200 with an empty body and changes nothing. 200, not 409: the first
  delivery was handled and answered, the provider must not retry or fall back to another URL,
  and an empty body sends no second reply to the borrower. A START must carry an id, so every
  honoured START is protected this way. Ids are kept for ``KEEP_SEEN``: the rows are few (only
  STOP and START replies), and a captured request replayed later than that would act again.

Request lines that might still carry a secret are masked in logs by ``portal.log_redaction``.
"""

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
    """The URL the provider called, as it signed it (see the module's docstring)."""
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
