"""The outbox key: one message on one channel, unique, so that nothing is written twice.

``borrower:event:loan:day:tag:channel``. The channel is always last: the key without it is the
message's logical key, the same whatever channels carry it, and the contact rules count
contacts by it. A copy staff send again adds ``:resendN`` to the logical key.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple


class Key(NamedTuple):
    logical: str  # the message, whatever channels carry it
    channel: str


def logical(*, borrower_id: int, event: str, loan_id: int, due_on: date, tag: str) -> str:
    """The key of one message, without its channel."""
    return f"{borrower_id}:{event}:{loan_id}:{due_on}:{tag}"


def build(logical_key: str, channel: str) -> str:
    """The key of one message's row for ``channel``."""
    return f"{logical_key}:{channel}"


def parse(key: str) -> Key:
    logical_key, channel = key.rsplit(":", 1)
    return Key(logical_key, channel)


def logical_key(key: str) -> str:
    """The outbox key without its channel: one message, however many channels carry it."""
    return parse(key).logical


_COPIES = re.compile(r"(:resend\d+)+$")


def original(logical_key: str) -> str:
    """The logical key of the message a copy was made of (the key itself for an original)."""
    return _COPIES.sub("", logical_key)


def copy_prefix(logical_key: str) -> str:
    """What the logical keys of every copy of this message start with."""
    return f"{original(logical_key)}:resend"


def copy(logical_key: str, number: int) -> str:
    """The logical key of staff's ``number``-th copy of a message: a contact of its own."""
    return f"{copy_prefix(logical_key)}{number}"
