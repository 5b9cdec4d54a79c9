"""Search that understands borrowers' words, in English and Chinese: editors' synonyms and
promoted lessons, Chinese word segmentation, English stems and plurals, and typos (near
spellings, Chinese homophones and pinyin). Each test also shows the search without the
feature finding nothing, so that it fails if the feature goes. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL (pg_trgm)."""

import pytest

from education.models import LessonTerm, PromotedLesson, SearchSynonym
from education.search import edit_distance, search, sounds_alike
from education.text_analysis import words

from .conftest import lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_synonyms(db):
    """Only the synonyms a test adds (the migration seeds some)."""
    SearchSynonym.objects.all().delete()


def slugs(results):
    return [found.slug for found in results.lessons]


def titles(results):
    return [found.title for found in results.lessons]


# --- Synonyms -------------------------------------------------------------------------------


def test_an_english_synonym_finds_the_lesson_that_uses_the_other_word(lessons, no_synonyms):
    assert search(query="my bill", language="en").lessons == []

    SearchSynonym.objects.create(phrases="bill\nstatement")
    results = search(query="my bill", language="en")

    assert slugs(results) == ["reading-your-statement"]
    assert results.synonyms == ("statement",)


def test_a_synonym_phrase_matches_plurals_and_works_both_ways(lessons, no_synonyms):
    SearchSynonym.objects.create(phrases="overdue instalment, late payment")

    assert slugs(search(query="overdue instalments", language="en")) == ["when-a-payment-is-late"]
    assert slugs(search(query="late payment", language="en")) == ["when-a-payment-is-late"]


def test_a_chinese_synonym_is_found_inside_a_question(lessons, no_synonyms):
    assert search(query="我的月供是多少", language="zh-hans").lessons == []

    SearchSynonym.objects.create(phrases="月供, 还款计划")
    results = search(query="我的月供是多少", language="zh-hans")

    assert titles(results) == ["还款计划怎么用"]
    assert results.synonyms == ("还款计划",)


def test_the_seeded_synonyms_link_credit_score_to_credit_report(db):
    groups = [synonym.phrase_list() for synonym in SearchSynonym.objects.all()]

    assert any({"credit score", "credit report"} <= set(group) for group in groups)
    assert any({"月供", "还款"} <= set(group) for group in groups)


def test_an_editor_cannot_save_a_synonym_with_one_phrase(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="at least two"):
        SearchSynonym(phrases="credit score").full_clean()


# --- Promoted lessons -----------------------------------------------------------------------


def test_a_promoted_lesson_comes_first_for_a_search_that_contains_its_words(lessons):
    PromotedLesson.objects.create(query="fee", lesson=lesson("how-repayment-plans-work"))

    results = search(query="late fees", language="en")

    assert slugs(results)[0] == "how-repayment-plans-work"
    assert "when-a-payment-is-late" in slugs(results)
    assert results.promoted == {results.lessons[0].key}


def test_a_chinese_reader_gets_the_chinese_version_of_a_promoted_lesson(lessons):
    PromotedLesson.objects.create(query="逾期", lesson=lesson("how-repayment-plans-work"))

    results = search(query="逾期", language="zh-hans")

    assert titles(results) == ["还款计划怎么用", "晚还款会怎样"]


def test_the_search_page_marks_a_promoted_lesson(client, lessons):
    PromotedLesson.objects.create(query="statement", lesson=lesson("when-a-payment-is-late"))

    page = client.get("/en/lessons/search/", {"q": "statement"})

    assert page.text.index("When a payment is late") < page.text.index("Reading your statement")
    assert "Recommended" in page.text


# --- Chinese segmentation -------------------------------------------------------------------


def test_lessons_are_indexed_by_jieba_words(lessons):
    chinese = lesson("when-a-payment-is-late", "zh-hans")
    indexed = set(LessonTerm.objects.filter(page=chinese).values_list("term", flat=True))

    assert {"逾期", "宽限期", "宽限", "提醒"} <= indexed


def test_a_chinese_query_of_two_words_finds_them_apart_in_the_lesson(lessons):
    """ "计划修改" is not in the lesson, "可以修改计划吗" is: the query's two words are found."""
    assert words("计划修改") == ["计划", "修改"]
    assert "计划修改" not in lesson("how-repayment-plans-work", "zh-hans").search_text

    assert titles(search(query="计划修改", language="zh-hans")) == ["还款计划怎么用"]


def test_chinese_question_words_do_not_stop_a_match(lessons):
    results = search(query="逾期了怎么办", language="zh-hans")

    assert titles(results) == ["晚还款会怎样"]


# --- English stems and plurals --------------------------------------------------------------


def test_a_plural_finds_a_lesson_that_uses_the_singular(lessons):
    assert "statements" not in lesson("reading-your-statement").search_text.lower()

    results = search(query="statements", language="en")

    assert slugs(results) == ["reading-your-statement"]
    assert results.corrected == ()  # found by its stem, not as a near spelling


def test_another_form_of_a_word_finds_the_lesson(lessons):
    """ "paid" is nowhere in the test lessons; "payments" and "paying" are, and "pays" is
    stemmed to their stem."""
    results = search(query="pays late", language="en")

    assert slugs(results) == ["when-a-payment-is-late"]
    assert results.corrected == ()


def test_glossary_terms_are_found_by_their_plural(lessons):
    assert [term.slug for term in search(query="late fees", language="en").terms] == ["late-fee"]


# --- Typos ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "slug"),
    [("paymnet", "when-a-payment-is-late"), ("statment", "reading-your-statement")],
)
def test_a_misspelt_english_word_still_finds_the_lesson(lessons, typed, slug):
    results = search(query=typed, language="en")

    assert slug in slugs(results)
    assert results.corrected == (typed,)


def test_a_misspelling_is_not_stretched_to_unrelated_words(lessons):
    assert search(query="xyzzy", language="en").count == 0
    assert search(query="palace", language="en").lessons == []


def test_a_chinese_homophone_typed_by_mistake_finds_the_lesson(lessons):
    """A pinyin keyboard offers 愈期 (yu qi) beside 逾期; 愈期 is in no lesson."""
    assert sounds_alike("愈期", "逾期")

    results = search(query="愈期", language="zh-hans")

    assert titles(results) == ["晚还款会怎样"]
    assert results.corrected == ("愈期",)


def test_a_word_typed_in_pinyin_finds_the_chinese_lesson(lessons):
    assert titles(search(query="yuqi", language="zh-hans")) == ["晚还款会怎样"]


def test_a_homophone_reads_a_character_with_two_sounds_either_way():
    """还 is hai or huan: 换款 (huan kuan) is a homophone of 还款."""
    assert sounds_alike("换款", "还款")
    assert not sounds_alike("计划", "还款")


def test_edit_distance_counts_a_swap_of_two_letters_as_one():
    assert edit_distance("paymnet", "payment") == 1
    assert edit_distance("intrest", "interest") == 1
    assert edit_distance("fee", "fee") == 0
    assert edit_distance("late", "made") == 2


# --- Drafts and unpublished lessons ---------------------------------------------------------


def test_a_draft_change_is_not_searchable_until_it_is_published(lessons):
    page = lesson("reading-your-statement")
    page.summary = "What each line of your statement means, and the balloon payment."
    page.save_revision()

    assert search(query="balloon", language="en").lessons == []

    page.get_latest_revision().publish()

    assert slugs(search(query="balloon", language="en")) == ["reading-your-statement"]


# --- The demo's own lessons, with the seeded synonyms ---------------------------------------


@pytest.fixture
def demo_lessons(db, tmp_path):
    """Two of the demo's lessons (education/demo_content), as `make demo` loads them."""
    import shutil

    from education.demo import CONTENT_DIR, load

    (tmp_path / "lessons").mkdir()
    for slug in ("when-a-payment-is-late", "interest-and-fees"):
        shutil.copy(CONTENT_DIR / "lessons" / f"{slug}.json", tmp_path / "lessons")
    load(tmp_path)


def test_credit_score_finds_the_demo_lesson_on_credit_reports(demo_lessons):
    """The issue's example: "credit score" found nothing, though a lesson covers credit
    reports. The seeded synonyms link them, in English and in Chinese."""
    late = lesson("when-a-payment-is-late")
    assert "credit score" not in late.search_text.lower()
    assert "credit report" in late.search_text.lower()

    assert slugs(search(query="credit score", language="en")) == ["when-a-payment-is-late"]
    assert slugs(search(query="信用评分", language="zh-hans")) == ["when-a-payment-is-late"]


def test_a_misspelt_demo_word_finds_the_demo_lesson(demo_lessons):
    assert slugs(search(query="intrest", language="en"))[0] == "interest-and-fees"
    assert slugs(search(query="力息", language="zh-hans"))[0] == "interest-and-fees"
