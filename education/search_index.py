"""The words of each lesson page, as search compares them (``text_analysis.terms``), kept in
``LessonTerm`` so that a query looks up words instead of reading every lesson, and so that
PostgreSQL can find near spellings with pg_trgm. A page's words are rebuilt whenever it is
saved with new text (``education.signals``); drafts never reach the index."""

from __future__ import annotations

from collections import Counter

from .search_models import MAX_TERM_LENGTH, LessonTerm
from .text_analysis import terms

# A word in the title counts as this many mentions, in the summary as this many.
TITLE_WEIGHT = 3
SUMMARY_WEIGHT = 2


def weighted_terms(*, title: str, summary: str, text: str) -> dict[str, int]:
    """``{term: weight}`` of a lesson. ``text`` is its ``search_text`` (title, summary and
    body); the title and summary add their extra weight on top."""
    counts: Counter[str] = Counter()
    for source, extra in ((text, 1), (title, TITLE_WEIGHT - 1), (summary, SUMMARY_WEIGHT - 1)):
        for term in terms(source or ""):
            if len(term) <= MAX_TERM_LENGTH:
                counts[term] += extra
    return dict(counts)


def index_page(page) -> None:
    """Replace the page's words with those of its current (saved) text."""
    weights = weighted_terms(title=page.title, summary=page.summary, text=page.search_text)
    LessonTerm.objects.filter(page_id=page.pk).delete()
    LessonTerm.objects.bulk_create(
        LessonTerm(page_id=page.pk, term=term, weight=weight) for term, weight in weights.items()
    )
