"""Every endpoint of the URLconf, found by walking it (Wagtail's, allauth's and the admin's
included), for tests that must cover every address rather than a hand-made list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.regex_helper import normalize


@dataclass(frozen=True)
class Pattern:
    regex: str  # the whole address, prefixes included, as one regular expression
    template: str  # the same with %(name)s for each parameter
    params: tuple[str, ...]
    callback: object

    def path(self, values: dict[str, str] | None = None) -> str | None:
        """The address with these values (each parameter "1" unless given), or None when
        they do not reach this pattern (an int converter takes no letters)."""
        filled = {name: (values or {}).get(name, "1") for name in self.params}
        raw = self.template % filled
        if re.fullmatch(self.regex, raw, flags=re.DOTALL) is None:
            return None
        return "/" + self.template % {name: quote(v, safe="") for name, v in filled.items()}


def _piece(entry, language: str) -> str:
    if isinstance(entry.pattern, LocalePrefixPattern):
        return f"{language}/"
    return entry.pattern.regex.pattern.removeprefix("^")


def walk(patterns=None, prefix: str = "", *, language: str = "en") -> Iterator[Pattern]:
    """Every endpoint, includes and the language prefix (``language``) followed."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        regex = prefix + _piece(entry, language)
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, regex, language=language)
        elif isinstance(entry, URLPattern):
            template, params = normalize(regex)[0]
            yield Pattern(regex, template, tuple(params), entry.callback)


def view_class(callback) -> type | None:
    """The class-based view behind a URL's callback, through decorators that keep it."""
    while callback is not None:
        if hasattr(callback, "view_class"):
            return callback.view_class
        callback = getattr(callback, "__wrapped__", None)
    return None
