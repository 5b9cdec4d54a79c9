"""Which language the borrower API answers in.

``?lang`` where an endpoint takes it, then the request's Accept-Language if it names a language
the site speaks, then the borrower's own preferred language, then the site's default."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

SUPPORTED = tuple(code for code, _name in settings.LANGUAGES)


def from_header(header: str) -> str | None:
    for code, _quality in parse_accept_lang_header(header or ""):
        if code == "*":
            return None
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def language_for(request, *, borrower=None, asked: str | None = None) -> str:
    if asked in SUPPORTED:
        return asked
    header = from_header(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    if header:
        return header
    preferred = getattr(borrower, "preferred_language", None)
    if preferred in SUPPORTED:
        return preferred
    return settings.LANGUAGE_CODE
