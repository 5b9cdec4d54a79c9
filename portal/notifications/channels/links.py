"""Links that go out in messages and must keep working for years: built from ``SITE_URL``,
because a worker has no request to take the host from."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..addresses import opt_out_token

OPT_OUT_URL_NAME = "notification_opt_out"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def opt_out_url(channel: str, address: str, *, language: str | None = None) -> str:
    """The one-step opt-out link for one address: no sign-in, and it stops only that address.
    ``language`` picks the language of the page it opens (the message's own)."""
    with translation.override(language or translation.get_language()):
        path = reverse(OPT_OUT_URL_NAME, args=[opt_out_token(channel, address)])
    return absolute(path)
