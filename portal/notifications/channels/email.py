"""E-mail through Django's e-mail machinery, so the provider is configuration; every e-mail
carries a one-click unsubscribe. Settings: docs/reminders.md."""

from __future__ import annotations

import hashlib
import smtplib
from email.utils import parseaddr
from functools import lru_cache
from typing import TYPE_CHECKING

import requests
from anymail.exceptions import (
    AnymailAPIError,
    AnymailError,
    AnymailInvalidAddress,
    AnymailRecipientsRefused,
)
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.utils import DNS_NAME

from portal.notifications.contact_rules.rules import Channel

from . import (
    Backend,
    Bounced,
    DeliveryError,
    DeliveryUncertain,
    PermanentFailure,
    TemporaryFailure,
)
from .links import opt_out_url

if TYPE_CHECKING:
    from ..models import OutboundMessage


def message_id(key: str) -> str:
    """A Message-ID that depends only on the outbox key (RFC 5322: unique, angle-bracketed,
    with a domain we own)."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"<{digest}.reminder@{_domain(settings.DEFAULT_FROM_EMAIL)}>"


@lru_cache(maxsize=8)
def _domain(from_email: str) -> str:
    return parseaddr(from_email)[1].rpartition("@")[2] or str(DNS_NAME)


class RenderedOnce(EmailMessage):
    """An e-mail whose MIME message is built once: ``deliver`` builds it to find a bad header
    before anything leaves, and the backend (SMTP, console, file, locmem) then sends that
    same message instead of building it again. Not to be changed after ``message()``."""

    _rendered = None

    def message(self):
        if self._rendered is None:
            self._rendered = super().message()
        return self._rendered


def build(message: OutboundMessage, connection=None) -> EmailMessage:
    return RenderedOnce(
        subject=message.subject,
        body=message.body,
        to=[message.address],
        connection=connection,
        headers={
            "Message-ID": message_id(message.key),
            "List-Unsubscribe": (
                f"<{opt_out_url(Channel.EMAIL, message.address, language=message.language)}>"
            ),
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


class EmailChannel(Backend):
    def __init__(self):
        self.connection = get_connection()

    def close(self) -> None:
        self.connection.close()

    def deliver(self, message: OutboundMessage) -> str:
        try:
            email = build(message, self.connection)
            email.message()  # renders every header now, so a bad one fails before sending
        except Exception as exc:
            # Nothing has left yet: a bad header, or configuration (a link that cannot be built).
            raise PermanentFailure(f"the e-mail cannot be built: {exc!r}") from exc
        try:
            self.connection.open()
        except (OSError, AnymailError) as exc:
            raise TemporaryFailure(f"cannot reach the mail server: {exc!r}") from exc
        try:
            email.send()
        except (OSError, AnymailError) as exc:
            raise classify(exc) from exc
        status = getattr(email, "anymail_status", None)
        if status is not None and status.message_id is not None:
            return str(status.message_id)  # the provider's id (an ESP may use 0)
        return message_id(message.key)


def classify(exc: Exception) -> DeliveryError:
    """What a failed send means. SMTP: 5xx is final, 4xx is "try later"; a refused recipient
    with a 5xx is a dead address. Provider APIs (anymail): 429 and 5xx are "try later", other
    4xx are final; a reply we could not read after the provider accepted the request, or a
    read that timed out, may mean it went out."""
    text = f"{type(exc).__name__}: {exc}"[:400]
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        if codes and all(code >= 500 for code in codes):
            return Bounced(text)
        return TemporaryFailure(text)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return TemporaryFailure(text)  # our configuration, not this message: retry once fixed
    if isinstance(exc, smtplib.SMTPResponseException):
        return PermanentFailure(text) if exc.smtp_code >= 500 else TemporaryFailure(text)
    if isinstance(exc, (AnymailRecipientsRefused, AnymailInvalidAddress)):
        return Bounced(text)
    if isinstance(exc, AnymailAPIError):
        code = exc.status_code
        if code is None:
            if isinstance(exc, (requests.ReadTimeout, requests.exceptions.ChunkedEncodingError)):
                return DeliveryUncertain(text)
            return TemporaryFailure(text)
        if 200 <= code < 300:
            return DeliveryUncertain(text)
        if code in (401, 403, 408, 429) or code >= 500:
            return TemporaryFailure(text)
        return PermanentFailure(text)
    if isinstance(exc, AnymailError):
        return PermanentFailure(text)
    if isinstance(exc, TimeoutError):
        return DeliveryUncertain(text)  # the server may have taken the message and not said so
    return TemporaryFailure(text)
