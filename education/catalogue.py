"""The published lessons a reader can see in a language: one cached list per language.

A lesson with no published translation in the reader's language is listed in English, with
``fallback`` set, at the address under the reader's own lessons index (which serves it with a
notice). Draft, unpublished and scheduled lessons are never listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from . import cache
from .models import LessonIndexPage, LessonPage, Topic


@dataclass(frozen=True, slots=True)
class Lesson:
    key: str  # translation key: the same lesson in every language
    page_id: int
    slug: str
    title: str
    summary: str
    topic: str
    position: int
    reading_minutes: int
    url: str
    language: str  # of the content; differs from the reader's when ``fallback``
    fallback: bool


def prefer_language(rows, *, key, language: str):
    """``(key, row, fallback)`` for each key among ``rows``: the row in ``language`` where
    there is one, else the original (``fallback`` True). Lessons and glossary terms both."""
    own, originals = {}, {}
    for row in rows:
        (own if row.locale.language_code == language else originals)[key(row)] = row
    return [(k, own.get(k) or originals[k], k not in own) for k in {**originals, **own}]


def lessons(*, language: str) -> list[Lesson]:
    return cache.cached(f"lessons:{language}", lambda: _build(language))


def by_key(*, language: str) -> dict[str, Lesson]:
    return {lesson.key: lesson for lesson in lessons(language=language)}


def by_slug(*, language: str) -> dict[str, Lesson]:
    """Lessons by their English slug: the stable name that code and the glossary use."""
    return cache.cached(f"lessons-by-slug:{language}", lambda: _by_english_slug(language))


def index_url(*, language: str) -> str:
    """The lessons index in ``language``, or the English one if there is none."""
    urls = cache.cached("index-urls", _index_urls)
    return urls.get(language) or urls.get(settings.LANGUAGE_CODE) or ""


def routes() -> dict[str, int]:
    """``{url: page id}`` of every listed lesson that has no view restriction on it or above
    it: the lessons the middleware may serve without Wagtail's routing. (Whether a lesson is
    shown in another language than the reader's follows from the page and the request.)"""
    return cache.cached("routes:v2", _routes)


def _routes() -> dict[str, int]:
    from wagtail.models import PageViewRestriction

    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    found = {}
    for language, _name in settings.LANGUAGES:
        listed = lessons(language=language)
        paths = dict(
            LessonPage.objects.filter(id__in=[lesson.page_id for lesson in listed]).values_list(
                "id", "path"
            )
        )
        for lesson in listed:
            path = paths.get(lesson.page_id, "")
            if path and not any(path.startswith(prefix) for prefix in restricted):
                found[lesson.url] = lesson.page_id
    return found


def lessons_by_topic(*, language: str) -> list[tuple[str, str, list[Lesson]]]:
    """``(topic, label, lessons)`` for each topic that has a lesson, in the topics' order."""
    grouped: dict[str, list[Lesson]] = {}
    for lesson in lessons(language=language):
        grouped.setdefault(lesson.topic, []).append(lesson)
    return [(topic.value, topic.label, grouped[topic.value]) for topic in Topic if topic in grouped]


def _index_urls() -> dict[str, str]:
    """Each language's lessons index address, from its url_path alone: the page tree is
    pinned (root, one home page per language, one index under it), so the first part of the
    path is the home page, which the language prefix stands for. One query, no site lookup."""
    urls = {}
    for language, url_path in LessonIndexPage.objects.live().values_list(
        "locale__language_code", "url_path"
    ):
        below_home = url_path.split("/", 2)[2]
        with translation.override(language):
            urls[language] = reverse("wagtail_serve", args=[below_home])
    return urls


def _build(language: str) -> list[Lesson]:
    default = settings.LANGUAGE_CODE
    index_urls = cache.cached("index-urls", _index_urls)
    own_url = index_urls.get(language) or index_urls.get(default)
    pages = (
        LessonPage.objects.live()
        .filter(locale__language_code__in={language, default})
        .select_related("locale")
        .only(
            "id",
            "slug",
            "title",
            "summary",
            "topic",
            "position",
            "reading_minutes",
            "translation_key",
            "locale__language_code",
            "url_path",
            "path",
            "depth",
        )
    )
    found = []
    for key, page, fallback in prefer_language(
        pages, key=lambda page: str(page.translation_key), language=language
    ):
        base = own_url if fallback or language == default else index_urls.get(language)
        if base is None:
            continue
        found.append(
            Lesson(
                key=key,
                page_id=page.pk,
                slug=page.slug,
                title=page.title,
                summary=page.summary,
                topic=page.topic,
                position=page.position,
                reading_minutes=page.reading_minutes,
                url=f"{base}{page.slug}/",
                language=page.locale.language_code,
                fallback=fallback,
            )
        )
    topic_order = {topic.value: n for n, topic in enumerate(Topic)}
    found.sort(
        key=lambda lesson: (topic_order.get(lesson.topic, 99), lesson.position, lesson.title)
    )
    return found


def _by_english_slug(language: str) -> dict[str, Lesson]:
    english_slugs = {
        str(key): slug
        for key, slug in LessonPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("translation_key", "slug")
    }
    return {
        english_slugs[lesson.key]: lesson
        for lesson in lessons(language=language)
        if lesson.key in english_slugs
    }
