"""Twilio's request signature (``X-Twilio-Signature``), checked without Twilio's SDK. Pure. How
Twilio signs, and the sources: docs/replies.md."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

HEADER = "X-Twilio-Signature"
DEFAULT_PORTS = {"https": 443, "http": 80}

Params = Mapping[str, str | list[str]] | Iterable[tuple[str, list[str]]]


def _pairs(params: Params) -> list[tuple[str, list[str]]]:
    if hasattr(params, "lists"):  # Django's QueryDict: every value of a repeated name
        items = params.lists()
    elif isinstance(params, Mapping):
        items = params.items()
    else:
        items = params
    return [(name, [values] if isinstance(values, str) else list(values)) for name, values in items]


def signature(*, auth_token: str, url: str, params: Params) -> str:
    """The ``X-Twilio-Signature`` value Twilio sends for a POST of ``params`` to ``url``."""
    signed = url
    for name, values in sorted(_pairs(params)):
        for value in sorted(set(values)):
            signed += name + value
    digest = hmac.new(auth_token.encode(), signed.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def url_variants(url: str) -> list[str]:
    """``url`` without its port and with its port (the default one if it has none)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    without = urlunsplit(parts._replace(netloc=host))
    with_port = urlunsplit(parts._replace(netloc=f"{host}:{port}")) if port else without
    return [without, with_port]


def is_valid(*, auth_token: str, url: str, params: Params, given: str) -> bool:
    """Whether ``given`` is Twilio's signature of this request. Compared in constant time; an
    empty token or signature never matches."""
    if not (auth_token and given):
        return False
    matches = [
        hmac.compare_digest(
            signature(auth_token=auth_token, url=candidate, params=params).encode(),
            given.strip().encode(),
        )
        for candidate in url_variants(url)
    ]
    return any(matches)
