"""Search over the lessons and glossary a reader can see, in the reader's language; Chinese is
matched as substrings and bigrams. Why: docs/education.md."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from django.db.models import Q

from . import catalogue, glossary
from .models import LessonPage

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 20
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SEPARATORS = re.compile(r"[\s,.;:!?，。；：！？、「」『』“”‘’()（）《》]+")


@dataclass(frozen=True)
class Results:
    query: str
    lessons: list[catalogue.Lesson] = field(default_factory=list)
    terms: list[glossary.Entry] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.lessons) + len(self.terms)


def normalise(query: str) -> str:
    return " ".join((query or "").split())[:MAX_QUERY_LENGTH]


def tokens(query: str) -> list[str]:
    return [token for token in _SEPARATORS.split(query.casefold()) if token]


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def bigrams(token: str) -> list[str]:
    return [token[i : i + 2] for i in range(len(token) - 1)] or [token]


def search(*, query: str, language: str) -> Results:
    query = normalise(query)
    parts = tokens(query)
    if not parts:
        return Results(query=query)
    visible = {lesson.page_id: lesson for lesson in catalogue.lessons(language=language)}
    if has_cjk(query):
        page_ids = _substring_lessons(parts, visible)
    else:
        page_ids = _backend_lessons(query, visible)
    terms = _terms(parts, language)
    return Results(
        query=query,
        lessons=[visible[page_id] for page_id in page_ids][:MAX_RESULTS],
        terms=terms[:MAX_RESULTS],
    )


def _backend_lessons(query: str, visible: dict[int, catalogue.Lesson]) -> list[int]:
    if not visible:
        return []
    results = LessonPage.objects.filter(id__in=list(visible)).search(query, operator="and")
    return [page.pk for page in results]


def _substring_lessons(parts: list[str], visible: dict[int, catalogue.Lesson]) -> list[int]:
    if not visible:
        return []
    candidates = LessonPage.objects.filter(id__in=list(visible))
    condition = Q()
    for part in parts:
        condition &= (
            Q(title__icontains=part) | Q(summary__icontains=part) | Q(search_text__icontains=part)
        )
    exact = list(candidates.filter(condition).values_list("id", "title", "search_text"))
    if exact:
        return [page_id for page_id, _title, _text in sorted(exact, key=_rank(parts))]
    pieces = [piece for part in parts for piece in (bigrams(part) if has_cjk(part) else [part])]
    texts = {
        page_id: f"{title}\n{text}".casefold()
        for page_id, title, text in candidates.values_list("id", "title", "search_text")
    }
    # Each piece weighs more the fewer lessons contain it (inverse document frequency), so
    # pieces like 怎么 that are everywhere don't outweigh the rare word the reader meant.
    weights = {}
    for piece in set(pieces):
        containing = sum(1 for text in texts.values() if piece in text)
        if containing:
            weights[piece] = math.log((len(texts) + 1) / containing)
    scored = []
    for page_id, text in texts.items():
        score = sum(weights.get(piece, 0) for piece in pieces if piece in text)
        if score > 0:
            scored.append((-score, page_id))
    return [page_id for _score, page_id in sorted(scored)]


def _rank(parts: list[str]):
    def key(row):
        _page_id, title, text = row
        in_title = sum(1 for part in parts if part in title.casefold())
        mentions = sum(text.casefold().count(part) for part in parts)
        return (-in_title, -mentions, title)

    return key


def _terms(parts: list[str], language: str) -> list[glossary.Entry]:
    found = []
    for entry in glossary.glossary(language=language).values():
        in_term = f"{entry.term} {entry.slug.replace('-', ' ')}".casefold()
        text = f"{in_term} {entry.short_definition} {entry.explanation}".casefold()
        if all(part in text for part in parts):
            found.append((0 if all(part in in_term for part in parts) else 1, entry))
    return [entry for _rank_value, entry in sorted(found, key=lambda pair: pair[0])]
