"""Search in English and Chinese; Chinese words are found inside sentences. (Synonyms, stems,
typos: test_search_understanding.py; the log and the empty page: test_search_log.py.)"""

import pytest
from wagtail.models import Locale

from education.models import LessonPage, SearchLog
from education.search import search

from .conftest import lesson

pytestmark = pytest.mark.django_db


def test_wagtails_database_backend_does_not_find_a_chinese_word_inside_a_sentence(lessons):
    """Why Chinese queries don't go to the search backend: it splits text at spaces, and the
    sentence "如果您逾期还款，……" has none, so 逾期 is not a word of it (PostgreSQL and SQLite)."""
    chinese = LessonPage.objects.live().filter(locale=Locale.objects.get(language_code="zh-hans"))

    assert list(chinese.search("逾期")) == []
    assert [page.slug for page in chinese.filter(search_text__icontains="逾期")] == [
        "when-a-payment-is-late"
    ]


def test_chinese_query_finds_the_chinese_lesson_that_contains_it(lessons):
    results = search(query="逾期", language="zh-hans")

    assert [found.title for found in results.lessons] == ["晚还款会怎样"]
    assert {term.slug for term in results.terms} == {"days-past-due"}


def test_chinese_phrase_finds_lessons_and_terms(lessons):
    results = search(query="还款计划", language="zh-hans")

    assert [found.title for found in results.lessons] == ["还款计划怎么用"]
    assert [term.term for term in results.terms] == ["还款计划"]


def test_chinese_question_is_matched_by_its_two_character_pieces(lessons):
    results = search(query="逾期了怎么办", language="zh-hans")

    assert results.lessons[0].title == "晚还款会怎样"


def test_english_query_finds_the_lesson_with_every_word(lessons):
    results = search(query="late payment", language="en")

    assert [found.slug for found in results.lessons] == ["when-a-payment-is-late"]


def test_english_query_finds_glossary_terms(lessons):
    results = search(query="grace period", language="en")

    assert [term.slug for term in results.terms] == ["late-fee"]


def test_search_in_chinese_includes_english_only_lessons(lessons):
    results = search(query="statement", language="zh-hans")

    assert [found.slug for found in results.lessons] == ["reading-your-statement"]
    assert results.lessons[0].fallback


def test_unpublished_lessons_are_never_found(lessons):
    lesson("when-a-payment-is-late", "zh-hans").unpublish()
    lesson("when-a-payment-is-late").unpublish()

    assert search(query="逾期", language="zh-hans").lessons == []
    assert search(query="late payment", language="en").lessons == []


def test_english_lesson_is_not_found_in_chinese_when_it_has_a_translation(lessons):
    results = search(query="late payment", language="zh-hans")

    assert results.lessons == []


def test_empty_query_finds_nothing(lessons):
    assert search(query="   ", language="en").count == 0


def test_search_page_shows_results(client, lessons):
    response = client.get("/zh-hans/lessons/search/", {"q": "逾期"})

    assert response.status_code == 200
    assert "晚还款会怎样" in response.text
    # Results link through the search log (tests/education/test_search_log.py) to the lesson.
    entry = SearchLog.objects.get()
    page_id = lesson("when-a-payment-is-late", "zh-hans").pk
    lesson_link = f"/zh-hans/lessons/search/{entry.pk}/lesson/{page_id}/"
    term_link = f"/zh-hans/lessons/search/{entry.pk}/term/days-past-due/"
    assert f'href="{lesson_link}"' in response.text
    assert f'href="{term_link}"' in response.text
    assert client.get(lesson_link)["Location"] == "/zh-hans/lessons/when-a-payment-is-late/"
    assert client.get(term_link)["Location"] == "/zh-hans/lessons/glossary/#days-past-due"


def test_search_page_without_a_query(client, lessons):
    response = client.get("/en/lessons/search/")

    assert response.status_code == 200
    assert 'name="q"' in response.text
