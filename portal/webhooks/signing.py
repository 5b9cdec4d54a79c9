"""Signing a webhook's body so the lender can tell it came from us, and not long ago.

The header is ``Portal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>``, the HMAC taken with
the endpoint's secret over ``"<t>.<raw body>"`` (the scheme Stripe uses). Putting the time
under the signature lets a receiver refuse a request replayed later than its tolerance. Pure
functions: no clock, no database.
"""

from __future__ import annotations

import hashlib
import hmac

HEADER = "Portal-Signature"
SCHEME = "v1"
DEFAULT_TOLERANCE = 300  # seconds


class SignatureError(ValueError):
    """The request is not one we signed, or it was signed too long ago (or in the future)."""


def signature(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The ``Portal-Signature`` header's value for ``body`` sent at ``timestamp``."""
    return f"t={timestamp},{SCHEME}={signature(secret, timestamp, body)}"


def verify(
    secret: str, header: str, body: bytes, now: float, tolerance: int = DEFAULT_TOLERANCE
) -> int:
    """Check a ``Portal-Signature`` header against the raw ``body`` at ``now`` (unix seconds).
    Returns the signed timestamp; raises ``SignatureError`` if the header is malformed, no
    ``v1`` signature matches, or the timestamp is more than ``tolerance`` seconds from now.
    Several ``v1`` values are allowed (any one matching will do)."""
    timestamp, candidates = _parse(header)
    expected = signature(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, c) for c in candidates):
        raise SignatureError("no signature matches the body")
    if abs(now - timestamp) > tolerance:
        raise SignatureError("the signature's timestamp is outside the tolerance")
    return timestamp


def _parse(header: str) -> tuple[int, list[str]]:
    timestamp = None
    candidates = []
    for part in (header or "").split(","):
        name, sep, value = part.strip().partition("=")
        if not sep:
            continue
        if name == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise SignatureError("the timestamp is not a whole number") from None
        elif name == SCHEME:
            candidates.append(value)
    if timestamp is None:
        raise SignatureError("the header has no timestamp")
    if not candidates:
        raise SignatureError(f"the header has no {SCHEME} signature")
    return timestamp, candidates
