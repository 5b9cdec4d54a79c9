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


def opt_out_url(channel: str, address: str, *, language: str) -> str:
    """The one-step opt-out link for one address: no sign-in, and it stops only that address.
    ``language`` is the message's own: the page it opens speaks it (required, so that a worker's
    active language can never choose it)."""
    with translation.override(language):
        path = reverse(OPT_OUT_URL_NAME, args=[opt_out_token(channel, address)])
    return absolute(path)
