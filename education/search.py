"""Search over the lessons and glossary a reader can see, in the reader's language, that
understands the words borrowers use. Why and how: docs/education.md ("Search").

A query is read into words (``text_analysis.words``: Chinese segmented by jieba, English
stemmed), and each word, or each phrase an editor listed as a synonym, becomes a *concept*
with alternatives: the word itself; for a long Chinese word its parts; the editor's synonyms;
and, only for a word that no visible lesson uses, its near spellings (pg_trgm on PostgreSQL,
edit distance elsewhere), its homophones (a Chinese word typed with the wrong character of
the same sound) and the Chinese words it spells in pinyin. A lesson matches a concept when
it has every word of one alternative (a Chinese alternative also when the text contains it).
Lessons that match every concept come first, by weight; if none does, lessons that match
most of a long query. Promoted lessons for the query go before all of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from itertools import islice, product

from django.db import connections

from . import cache as content_cache
from . import catalogue, glossary
from .models import LessonPage
from .search_models import LessonTerm, PromotedLesson, SearchSynonym, split_phrases
from .text_analysis import fold, has_cjk, parts, terms, words

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 20
# A near spelling counts for less than the reader's own word, a synonym in between.
OWN, PART, SYNONYM, NEAR = 1.0, 0.7, 0.8, 0.6
MIN_CORRECTED_LENGTH = 4
TRIGRAM_CANDIDATE_SIMILARITY = 0.2

# Words that carry no subject: dropped from a query unless it has nothing else.
_ENGLISH_STOP = {
    "a", "about", "am", "an", "and", "are", "at", "be", "by", "can", "could", "did", "do",
    "does", "for", "from", "get", "has", "have", "how", "i", "if", "in", "is", "it", "me", "my",
    "of", "on", "or", "please", "should", "so", "that", "the", "there", "this", "to", "was",
    "we", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you",
    "your",
}  # fmt: skip
_CHINESE_STOP = {
    "的", "了", "吗", "呢", "吧", "啊", "呀", "我", "我的", "你", "您", "您的", "是", "在",
    "和", "有", "要", "会", "能", "可以", "怎么", "怎么办", "怎样", "如何", "什么", "为什么",
    "多少", "请问", "一下", "还是", "哪里", "哪些", "这个", "那个",
}  # fmt: skip


@cache
def _stop_words() -> frozenset[str]:
    return frozenset({term for word in _ENGLISH_STOP for term in words(word)} | _CHINESE_STOP)


@dataclass(frozen=True)
class Alternative:
    terms: frozenset[str]  # every one must be a word of the lesson...
    phrase: str = ""  # ...or, for Chinese, this text must be in it
    factor: float = OWN


@dataclass(frozen=True)
class Concept:
    said: str
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class Reading:
    """How a query was understood: what it looked for, and what it added."""

    concepts: tuple[Concept, ...] = ()
    synonyms: tuple[str, ...] = ()  # phrases searched for as well, as the editor wrote them
    corrected: tuple[str, ...] = ()  # words the reader typed that were matched approximately


@dataclass(frozen=True)
class Results:
    query: str
    lessons: list[catalogue.Lesson] = field(default_factory=list)
    terms: list[glossary.Entry] = field(default_factory=list)
    promoted: frozenset[str] = frozenset()  # keys of lessons an editor put first
    synonyms: tuple[str, ...] = ()
    corrected: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.lessons) + len(self.terms)


def normalise(query: str) -> str:
    return " ".join((query or "").split())[:MAX_QUERY_LENGTH]


def search(*, query: str, language: str) -> Results:
    query = normalise(query)
    if not words(query):
        return Results(query=query)
    visible = {lesson.page_id: lesson for lesson in catalogue.lessons(language=language)}
    vocabulary = _vocabulary(language, visible)
    reading = read(query, vocabulary=vocabulary, page_ids=list(visible))
    found = _match_lessons(reading.concepts, visible)
    promoted = _promoted(query, visible)
    ordered = promoted + [page_id for page_id in found if page_id not in promoted]
    return Results(
        query=query,
        lessons=[visible[page_id] for page_id in ordered][:MAX_RESULTS],
        terms=_terms(reading.concepts, language)[:MAX_RESULTS],
        promoted=frozenset(visible[page_id].key for page_id in promoted),
        synonyms=reading.synonyms,
        corrected=reading.corrected,
    )


# --- Reading a query ------------------------------------------------------------------------


def read(query: str, *, vocabulary: frozenset[str], page_ids: list[int]) -> Reading:
    said = words(query)
    folded = fold(query)
    used = [False] * len(said)
    concepts: list[Concept] = []
    added: list[str] = []
    for group in synonym_groups():
        for phrase, phrase_words in sorted(group, key=lambda pair: -len(pair[1])):
            positions = _find(phrase, phrase_words, said, folded)
            if positions is None or any(used[i] for i in positions):
                continue
            for i in positions:
                used[i] = True
            alternatives = [
                _phrase_alternative(other, other_words, OWN if other == phrase else SYNONYM)
                for other, other_words in group
            ]
            concepts.append(Concept(phrase, tuple(alternatives)))
            added.extend(other for other, _ in group if other != phrase)
            break
    rest = [word for word, taken in zip(said, used, strict=True) if not taken]
    # Question words go, unless they are all the reader typed.
    meaningful = [word for word in rest if word not in _stop_words()]
    rest = meaningful or ([] if concepts else rest)
    corrected = []
    for word in dict.fromkeys(rest):
        alternatives = [Alternative(frozenset([word]), phrase=word if has_cjk(word) else "")]
        if parts(word):
            alternatives.append(Alternative(frozenset(parts(word)), factor=PART))
        if word not in vocabulary and len(word) >= (2 if has_cjk(word) else MIN_CORRECTED_LENGTH):
            near = _near_words(word, vocabulary=vocabulary, page_ids=page_ids)
            alternatives.extend(
                Alternative(frozenset([other]), phrase=other if has_cjk(other) else "", factor=NEAR)
                for other in near
            )
            if near:
                corrected.append(word)
        concepts.append(Concept(word, tuple(alternatives)))
    return Reading(tuple(concepts), tuple(dict.fromkeys(added)), tuple(corrected))


def _phrase_alternative(phrase: str, phrase_words: list[str], factor: float) -> Alternative:
    """An English phrase is its words, in any order and form; a Chinese one is found as it is
    written (its single characters, 还/不/上 of 还不上, would match almost any lesson)."""
    if not has_cjk(phrase):
        return Alternative(frozenset(phrase_words), factor=factor)
    whole = frozenset(phrase_words) if len(phrase_words) == 1 else frozenset()
    return Alternative(whole, phrase=fold(phrase), factor=factor)


def _find(phrase: str, phrase_words: list[str], said: list[str], folded: str):
    """Positions of ``said`` that the phrase covers, or None. A Chinese phrase is found in
    the text (segmentation of a sentence can differ from that of the phrase alone)."""
    if has_cjk(phrase) and not any(char.isascii() and char.isalpha() for char in phrase):
        text = fold(phrase)
        if text not in folded:
            return None
        return [i for i, word in enumerate(said) if has_cjk(word) and word in text]
    size = len(phrase_words)
    for start in range(len(said) - size + 1):
        if said[start : start + size] == phrase_words:
            return list(range(start, start + size))
    return None


def synonym_groups() -> list[list[tuple[str, list[str]]]]:
    """Each editor's synonym group as ``[(phrase, its words), ...]``."""

    def build():
        groups = []
        for text in SearchSynonym.objects.values_list("phrases", flat=True):
            group = [(phrase, words(phrase)) for phrase in split_phrases(text)]
            group = [(phrase, found) for phrase, found in group if found]
            if len(group) > 1:
                groups.append(group)
        return groups

    return content_cache.cached("search-synonyms", build)


# --- Near spellings, homophones and pinyin --------------------------------------------------


def _vocabulary(language: str, visible: dict) -> frozenset[str]:
    return content_cache.cached(
        f"search-vocabulary:{language}",
        lambda: frozenset(
            LessonTerm.objects.filter(page_id__in=list(visible))
            .values_list("term", flat=True)
            .distinct()
        ),
    )


def _near_words(word: str, *, vocabulary: frozenset[str], page_ids: list[int]) -> list[str]:
    if has_cjk(word):
        return sorted(other for other in vocabulary if sounds_alike(word, other))
    if word.isascii() and word.isalpha():
        spelt = sorted(other for other in vocabulary if has_cjk(other) and word in pinyin(other))
        if spelt:
            return spelt
    return near_spellings(word, vocabulary=vocabulary, page_ids=page_ids)


def near_spellings(word: str, *, vocabulary: frozenset[str], page_ids: list[int]) -> list[str]:
    """The lessons' words closest to a misspelt one: within one edit (two for a word of eight
    letters or more), the closest only. On PostgreSQL pg_trgm picks the candidates in the
    database; elsewhere every word of about the same length is a candidate."""
    allowed = 1 if len(word) < 8 else 2
    if connections[LessonTerm.objects.db].vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        candidates = set(
            LessonTerm.objects.filter(page_id__in=page_ids)
            .annotate(similarity=TrigramSimilarity("term", word))
            .filter(similarity__gte=TRIGRAM_CANDIDATE_SIMILARITY)
            .order_by("-similarity")
            .values_list("term", flat=True)[:50]
        )
    else:
        candidates = {term for term in vocabulary if abs(len(term) - len(word)) <= allowed}
    distances = {
        term: edit_distance(word, term)
        for term in candidates
        if not has_cjk(term) and len(term) >= MIN_CORRECTED_LENGTH - 1
    }
    best = min(distances.values(), default=allowed + 1)
    if best > allowed:
        return []
    return sorted(term for term, distance in distances.items() if distance == best)


def edit_distance(a: str, b: str) -> int:
    """Insertions, deletions, substitutions and swaps of two neighbours (paymnet, payment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


@cache
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style
    from pypinyin import pinyin as to_pinyin

    return frozenset(to_pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def sounds_alike(word: str, other: str) -> bool:
    """Another Chinese word said the same way, character by character, tones aside: what a
    pinyin keyboard offers when the reader picks the wrong character (愈期 for 逾期)."""
    if word == other or len(word) != len(other) or not has_cjk(other):
        return False
    return all(_readings(a) & _readings(b) for a, b in zip(word, other, strict=True))


@cache
def pinyin(word: str) -> frozenset[str]:
    """The ways ``word`` is spelt in pinyin without tones or spaces (还款: haikuan, huankuan)."""
    readings = [sorted(_readings(char)) for char in word]
    return frozenset("".join(combo) for combo in islice(product(*readings), 32))


# --- Matching -------------------------------------------------------------------------------


def _match_lessons(concepts: tuple[Concept, ...], visible: dict) -> list[int]:
    if not concepts or not visible:
        return []
    page_ids = list(visible)
    wanted = {term for c in concepts for alt in c.alternatives for term in alt.terms}
    postings: dict[int, dict[str, int]] = {}
    for page_id, term, weight in LessonTerm.objects.filter(
        page_id__in=page_ids, term__in=wanted
    ).values_list("page_id", "term", "weight"):
        postings.setdefault(page_id, {})[term] = weight
    # A Chinese alternative is also found in the text, however jieba split it there.
    containing: dict[str, dict[int, int]] = {}
    for phrase in {alt.phrase for c in concepts for alt in c.alternatives if alt.phrase}:
        containing[phrase] = {
            page_id: text.casefold().count(phrase)
            for page_id, text in LessonPage.objects.filter(
                id__in=page_ids, search_text__icontains=phrase
            ).values_list("id", "search_text")
        }
    # A concept's match in a lesson: its best alternative, by how often the lesson uses its
    # words and whether it is the reader's own word. Then each concept is weighted by how few
    # lessons match it at all (so a synonym that is rare does not outrank the word asked for).
    matches: dict[int, list[float]] = {}
    for page_id in page_ids:
        found = postings.get(page_id, {})
        row = []
        for concept in concepts:
            best = 0.0
            for alt in concept.alternatives:
                if alt.terms and alt.terms <= found.keys():
                    value = 1 + math.log(min(found[t] for t in alt.terms))
                elif containing.get(alt.phrase, {}).get(page_id):
                    value = 1 + math.log(containing[alt.phrase][page_id])
                else:
                    continue
                best = max(best, alt.factor * value)
            row.append(best)
        if any(row):
            matches[page_id] = row
    total = len(page_ids)
    rarity = [
        math.log(1 + total / max(1, sum(1 for row in matches.values() if row[n])))
        for n in range(len(concepts))
    ]
    scored = [
        (
            sum(1 for value in row if value),
            sum(value * weight for value, weight in zip(row, rarity, strict=True)),
            page_id,
        )
        for page_id, row in matches.items()
    ]
    needed = len(concepts)
    if not any(matched == needed for matched, _, _ in scored) and needed >= 3:
        needed = max(2, math.ceil(needed * 2 / 3))
    return [
        page_id
        for matched, _score, page_id in sorted(scored, key=lambda row: (-row[0], -row[1], row[2]))
        if matched >= needed
    ]


def _promoted(query: str, visible: dict) -> list[int]:
    asked = set(words(query))
    by_key = {lesson.key: page_id for page_id, lesson in visible.items()}
    found = []
    for promotion in PromotedLesson.objects.select_related("lesson").order_by("order", "pk"):
        wanted = set(words(promotion.query))
        page_id = by_key.get(str(promotion.lesson.translation_key))
        if wanted and wanted <= asked and page_id is not None and page_id not in found:
            found.append(page_id)
    return found


@cache
def _entry_words(text: str) -> frozenset[str]:
    return frozenset(terms(text))


def _terms(concepts: tuple[Concept, ...], language: str) -> list[glossary.Entry]:
    if not concepts:
        return []
    found = []
    for entry in glossary.glossary(language=language).values():
        name = f"{entry.term} {entry.slug.replace('-', ' ')}"
        text = f"{name} {entry.short_definition} {entry.explanation}"
        in_name = [_has(concept, name) for concept in concepts]
        if all(in_name) or all(_has(concept, text) for concept in concepts):
            found.append((0 if all(in_name) else 1, entry.term.casefold(), entry))
    return [entry for _rank, _name, entry in sorted(found, key=lambda row: row[:2])]


def _has(concept: Concept, text: str) -> bool:
    entry_words = _entry_words(text)
    folded = fold(text)
    return any(
        (alt.terms and alt.terms <= entry_words) or (alt.phrase and alt.phrase in folded)
        for alt in concept.alternatives
    )


# --- When nothing is found ------------------------------------------------------------------

MAX_SUGGESTIONS = 3
SUGGESTION_SIMILARITY = 0.6


@dataclass(frozen=True)
class Suggestions:
    did_you_mean: list[str] = field(default_factory=list)  # searches that find something
    popular: list[catalogue.Lesson] = field(default_factory=list)


def suggestions(*, query: str, language: str, popular_keys: list[str]) -> Suggestions:
    """What to offer a reader whose search found nothing: searches like theirs that do find
    something (glossary words and editors' synonyms that are spelt alike or share a word), and
    the lessons most opened from search (``popular_keys``), topped up in the catalogue's order."""
    from difflib import SequenceMatcher

    asked = fold(normalise(query))
    asked_words = set(words(asked))
    candidates = [entry.term for entry in glossary.glossary(language=language).values()]
    candidates += [phrase for group in synonym_groups() for phrase, _words in group]
    scored = []
    for candidate in dict.fromkeys(candidates):
        similarity = SequenceMatcher(None, asked, fold(candidate)).ratio()
        shared = bool(asked_words & set(words(candidate)) - _stop_words())
        if fold(candidate) != asked and (similarity >= SUGGESTION_SIMILARITY or shared):
            scored.append((-similarity, candidate))
    did_you_mean = []
    for _similarity, candidate in sorted(scored)[: MAX_SUGGESTIONS * 3]:
        if search(query=candidate, language=language).count:
            did_you_mean.append(candidate)
        if len(did_you_mean) == MAX_SUGGESTIONS:
            break
    lessons = catalogue.lessons(language=language)
    by_key = {lesson.key: lesson for lesson in lessons}
    popular = [by_key[key] for key in popular_keys if key in by_key]
    for lesson in lessons:
        if len(popular) >= MAX_SUGGESTIONS:
            break
        if lesson not in popular:
            popular.append(lesson)
    return Suggestions(did_you_mean=did_you_mean, popular=popular[:MAX_SUGGESTIONS])
