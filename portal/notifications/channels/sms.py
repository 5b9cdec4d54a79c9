"""Text messages: ``SMS_BACKEND`` names the backend class (console, file, in memory, Twilio), as
``EMAIL_BACKEND`` does for e-mail. See docs/reminders.md."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import Backend

if TYPE_CHECKING:
    from ..models import OutboundMessage


@dataclass(frozen=True, slots=True)
class Sms:
    to: str
    body: str
    key: str  # the outbox key, for a provider that drops repeats, and for tests


class SmsBackend(Backend):
    def deliver(self, message: OutboundMessage) -> str:
        return self.send_text(Sms(to=message.address, body=message.body, key=message.key))

    def send_text(self, sms: Sms) -> str:
        raise NotImplementedError


class ConsoleBackend(SmsBackend):
    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send_text(self, sms: Sms) -> str:
        self.stream.write(f"SMS to {sms.to} ({sms.key})\n{sms.body}\n{'-' * 40}\n")
        self.stream.flush()
        return ""


class FileBackend(SmsBackend):
    def __init__(self, path=None):
        self.path = path or settings.SMS_FILE_PATH
        if not self.path:
            raise ImproperlyConfigured("FileBackend needs SMS_FILE_PATH")

    def send_text(self, sms: Sms) -> str:
        line = (json.dumps(asdict(sms), ensure_ascii=False) + "\n").encode()
        # One write to a file opened for appending: lines from several workers do not mix.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
        return ""


outbox: list[Sms] = []


class LocmemBackend(SmsBackend):
    def send_text(self, sms: Sms) -> str:
        outbox.append(sms)
        return f"locmem-{len(outbox)}"
