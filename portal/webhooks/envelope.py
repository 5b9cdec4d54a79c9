"""What a webhook request carries: the JSON body and its headers. The body is built the same
way on every attempt (keys sorted, no spaces), so a retry sends the same bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from . import signing

USER_AGENT = "BorrowerPortal-Webhooks/1"


def body(*, event_id: str, topic: str, created_at: datetime, data: dict) -> bytes:
    document = {
        "id": event_id,
        "topic": topic,
        "created_at": _utc(created_at),
        "data": data,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("ascii")


def body_for(event) -> bytes:
    """The body for a ``repayment.LenderEvent``: its key is the id a receiver dedupes on."""
    return body(
        event_id=event.key, topic=event.topic, created_at=event.created_at, data=event.payload
    )


def headers(*, secret: str, body: bytes, topic: str, event_id: str, timestamp: int) -> dict:
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        signing.HEADER: signing.sign(secret, body, timestamp),
        "Portal-Event": topic,
        "Portal-Event-Id": event_id,
    }


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
