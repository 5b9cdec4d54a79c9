"""Text messages through Twilio's Messages API. Settings and what each of Twilio's answers means:
docs/reminders.md; the inbound webhook: docs/replies.md."""

from __future__ import annotations

import base64
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import (
    Bounced,
    DeliveryUncertain,
    PermanentFailure,
    RecipientOptedOut,
    TemporaryFailure,
)
from .sms import Sms, SmsBackend

API_URL = "https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json"
OPTED_OUT = {21610}  # "Attempt to send to unsubscribed recipient"
DEAD_NUMBER = {21211, 21614}  # "Invalid 'To' phone number", "'To' number is not a valid mobile"
RETRY_STATUSES = {401, 403, 408, 429}
TIMEOUT_SECONDS = 15


class Transport(Protocol):
    def post(
        self, url: str, *, data: dict[str, str], auth: tuple[str, str], timeout: float
    ) -> tuple[int, bytes]:
        """POST a form; return the HTTP status and body. Raise ``TemporaryFailure`` if the
        request did not reach the server, ``DeliveryUncertain`` if it may have."""
        ...


class UrllibTransport:
    def post(
        self, url: str, *, data: dict[str, str], auth: tuple[str, str], timeout: float
    ) -> tuple[int, bytes]:
        credentials = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (the URL is our https constant)
            url,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Authorization": f"Basic {credentials}", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except urllib.error.URLError as exc:
            # urllib raises URLError only while connecting and writing the request.
            raise TemporaryFailure(f"cannot reach Twilio: {exc.reason!r}") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise DeliveryUncertain(f"no answer from Twilio after sending: {exc!r}") from exc


class TwilioBackend(SmsBackend):
    def __init__(self, *, transport: Transport | None = None):
        self.account_sid = settings.TWILIO_ACCOUNT_SID
        self.auth_token = settings.TWILIO_AUTH_TOKEN
        self.from_number = settings.TWILIO_FROM_NUMBER
        self.messaging_service_sid = settings.TWILIO_MESSAGING_SERVICE_SID
        if not (self.account_sid and self.auth_token):
            raise ImproperlyConfigured(
                "TwilioBackend needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"
            )
        if not (self.from_number or self.messaging_service_sid):
            raise ImproperlyConfigured(
                "TwilioBackend needs TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID"
            )
        self.transport = transport or UrllibTransport()

    def send_text(self, sms: Sms) -> str:
        form = {"To": sms.to, "Body": sms.body}
        if self.messaging_service_sid:
            form["MessagingServiceSid"] = self.messaging_service_sid
        else:
            form["From"] = self.from_number
        status, body = self.transport.post(
            API_URL.format(sid=self.account_sid),
            data=form,
            auth=(self.account_sid, self.auth_token),
            timeout=TIMEOUT_SECONDS,
        )
        answer = _json(body)
        if 200 <= status < 300:
            if not answer.get("sid"):
                raise DeliveryUncertain(f"Twilio accepted the message but said: {body[:200]!r}")
            return answer["sid"]
        code = answer.get("code")
        text = f"Twilio {status} error {code}: {answer.get('message', '')}"[:400]
        if code in OPTED_OUT:
            raise RecipientOptedOut(text)
        if code in DEAD_NUMBER:
            raise Bounced(text)
        if status in RETRY_STATUSES or status >= 500:
            raise TemporaryFailure(text)
        raise PermanentFailure(text)


def _json(body: bytes) -> dict:
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}
