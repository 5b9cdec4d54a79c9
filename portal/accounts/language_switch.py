"""The same page in another language, for the language switcher.

Django's ``translate_url`` reads a page's address in the language of the request that asks
to switch. That request (``/i18n/setlang/``, outside the language prefix) takes its language
from the language cookie or the browser's Accept-Language, not from the page, and under
``i18n_patterns`` an address only resolves with its own language's prefix: whenever the
browser's language differs from the page's, the address did not resolve and the page came
back in its old language. Here an address is read in the language of its own prefix, and a
Wagtail page is followed to its translation, which may have another slug.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.http import Http404
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

WAGTAIL_PAGES = "wagtail_serve"


def remember_language(response, language: str) -> None:
    """Set the language cookie, as Django's own set_language view sets it."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def prefix_language(path: str) -> str | None:
    """The language whose prefix starts ``path`` (``/zh-hans/...``), or None."""
    for code, _name in settings.LANGUAGES:
        if path == f"/{code}" or path.startswith(f"/{code}/"):
            return code
    return None


def address_in(url: str, language: str, *, request) -> str:
    """``url`` (an address on this site) as the same page in ``language``. An address outside
    the language prefixes is left as it is: the language cookie decides how it is shown."""
    parts = urlsplit(url)
    current = prefix_language(parts.path)
    if current is None or current == language:
        return url
    path = unquote(parts.path)
    with translation.override(current):
        try:
            match = resolve(path)
        except Resolver404:
            match = None
    translated = None
    if match is not None and match.view_name == WAGTAIL_PAGES:
        translated = _page_address(path, current, language, request=request)
    elif match is not None and match.view_name:
        with translation.override(language):
            try:
                translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                translated = None
    if translated is None:
        translated = f"/{language}/" + path.removeprefix(f"/{current}").lstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, translated, parts.query, parts.fragment))


def _route(request, path: str, language: str) -> Page | None:
    """The live page Wagtail serves at ``path`` (its own language prefix included)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    below_prefix = path.removeprefix(f"/{language}")
    components = [part for part in below_prefix.split("/") if part]
    with translation.override(language):
        try:
            return site.root_page.localized.specific.route(request, components).page
        except Http404:
            return None


def _page_address(path: str, current: str, language: str, *, request) -> str | None:
    """The page's own translation; without one, the page under its nearest translated
    ancestor, if that address serves it (a lesson not yet translated is shown in English
    under the translated lessons index); else that ancestor itself."""
    page = _route(request, path, current)
    locale = Locale.objects.filter(language_code=language).first()
    if page is None or locale is None:
        return None
    below: list[str] = []
    for node in [page, *page.get_ancestors(inclusive=False).reverse()]:
        if node.depth <= 1:
            break
        found = node if node.locale_id == locale.pk else node.get_translation_or_none(locale)
        url = found.get_url(request) if found is not None and found.live else None
        if url:
            beneath = url + "".join(f"{slug}/" for slug in below)
            if below and _route(request, urlsplit(beneath).path, language) is not None:
                return beneath
            return url
        below.insert(0, node.slug)
    return None
