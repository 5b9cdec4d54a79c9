"""The published glossary in a language, loaded once per request and cached per language.

A term with no published translation in the reader's language is shown in English
(``fallback``). Its "learn more" link goes to the lesson in the reader's language, or to the
English lesson with a notice (see ``catalogue``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from . import cache, catalogue
from .models import GlossaryTerm

_REQUEST_ATTRIBUTE = "_education_glossary"


@dataclass(frozen=True, slots=True)
class Entry:
    slug: str
    term: str
    short_definition: str
    explanation: str
    lesson_url: str
    lesson_title: str
    language: str
    fallback: bool


def glossary(*, language: str) -> dict[str, Entry]:
    """Every published term in ``language``, by slug, in alphabetical order of the term
    (for Chinese, Unicode order, which is the dictionaries' radical-and-stroke order)."""
    return cache.cached(f"glossary:{language}", lambda: _build(language))


def glossary_for_request(request, *, language: str) -> dict[str, Entry]:
    """``glossary()``, remembered on the request: a page with many terms reads it once."""
    if request is None:
        return glossary(language=language)
    memo = getattr(request, _REQUEST_ATTRIBUTE, None)
    if memo is None:
        memo = {}
        setattr(request, _REQUEST_ATTRIBUTE, memo)
    if language not in memo:
        memo[language] = glossary(language=language)
    return memo[language]


def _build(language: str) -> dict[str, Entry]:
    default = settings.LANGUAGE_CODE
    terms = (
        GlossaryTerm.objects.filter(live=True, locale__language_code__in={language, default})
        .select_related("locale", "lesson")
        .only(
            "slug",
            "term",
            "short_definition",
            "explanation",
            "locale__language_code",
            "lesson__translation_key",
        )
    )
    chosen = catalogue.prefer_language(terms, key=lambda term: term.slug, language=language)
    linked = any(term.lesson_id for _, term, _ in chosen)
    lessons = catalogue.by_key(language=language) if linked else {}
    entries = []
    for slug, term, fallback in chosen:
        lesson = lessons.get(str(term.lesson.translation_key)) if term.lesson else None
        entries.append(
            Entry(
                slug=slug,
                term=term.term,
                short_definition=term.short_definition,
                explanation=term.explanation,
                lesson_url=lesson.url if lesson else "",
                lesson_title=lesson.title if lesson else "",
                language=term.locale.language_code,
                fallback=fallback,
            )
        )
    entries.sort(key=lambda entry: entry.term.casefold())
    return {entry.slug: entry for entry in entries}
