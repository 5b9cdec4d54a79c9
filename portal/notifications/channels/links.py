"""Links that go out in messages and must keep working for years: built from ``SITE_URL``,
because a worker has no request to take the host from. A message read in the message centre
links by path instead (``on_this_site``)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

from ..addresses import opt_out_token

OPT_OUT_URL_NAME = "notification_opt_out"
_ARGUMENT = "__argument__"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def on_this_site(url: str) -> str:
    """One of our own pages' address as a path, for a message read on the site itself (the
    message centre): it opens on the address the borrower is using, which need not be
    ``SITE_URL``. Any other address is left as it is."""
    site = absolute("")
    if url.startswith(site + "/"):
        return url[len(site) :]
    return url


@lru_cache(maxsize=64)
def _path_pattern(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name, args=[_ARGUMENT])


def page_url(name: str, *arguments: str | int, language: str) -> str:
    """The absolute address of a page, in ``language``. A page that takes one text argument is
    reversed once per language and the argument put in quoted as ``reverse`` quotes it: a
    planner run builds tens of thousands of links, and switching language to reverse each one
    cost more than rendering the message's text. Other pages are reversed each time."""
    if len(arguments) != 1 or not isinstance(arguments[0], str):
        with translation.override(language):
            return absolute(reverse(name, args=arguments))
    quoted = quote(arguments[0], safe=RFC3986_SUBDELIMS + "/~:@")
    return absolute(_path_pattern(name, language).replace(_ARGUMENT, quoted))


def opt_out_url(channel: str, address: str, *, language: str) -> str:
    """The one-step opt-out link for one address: no sign-in, and it stops only that address.
    ``language`` is the message's own: the page it opens speaks it (required, so that a worker's
    active language can never choose it)."""
    return page_url(OPT_OUT_URL_NAME, opt_out_token(channel, address), language=language)
