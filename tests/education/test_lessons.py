"""Lesson pages: content model, languages and fallbacks, and that drafts stay hidden."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from education.models import LessonIndexPage, LessonPage

from .conftest import lesson

pytestmark = pytest.mark.django_db


def test_lesson_is_served_in_english_and_chinese(client, lessons):
    english = client.get("/en/lessons/when-a-payment-is-late/")
    chinese = client.get("/zh-hans/lessons/when-a-payment-is-late/")

    assert english.status_code == 200
    assert "When a payment is late" in english.text
    assert "A payment 10 days late" in english.text
    assert chinese.status_code == 200
    assert "晚还款会怎样" in chinese.text
    assert "如果您逾期还款" in chinese.text
    assert "not available in your language" not in chinese.text


def test_chinese_lesson_is_a_translation_of_the_english_one(lessons):
    english, chinese = lesson("when-a-payment-is-late"), lesson("when-a-payment-is-late", "zh-hans")

    assert english.translation_key == chinese.translation_key
    assert chinese.get_parent().specific_class is LessonIndexPage
    assert chinese.get_parent().locale.language_code == "zh-hans"


def test_lesson_without_a_translation_is_shown_in_english_with_a_notice(client, lessons):
    response = client.get("/zh-hans/lessons/reading-your-statement/")

    assert response.status_code == 200
    assert "Reading your statement" in response.text
    assert '<article class="lesson" lang="en">' in response.text
    assert '<html lang="zh-hans">' in response.text
    assert "此课程还没有中文版" in response.text


def test_unpublished_translation_falls_back_to_english(client, lessons):
    lesson("how-repayment-plans-work", "zh-hans").unpublish()

    response = client.get("/zh-hans/lessons/how-repayment-plans-work/")

    assert response.status_code == 200
    assert "How repayment plans work" in response.text
    assert "还款计划怎么用" not in response.text


def test_translation_under_another_slug_is_found_by_the_english_slug(client, lessons):
    chinese = lesson("how-repayment-plans-work", "zh-hans")
    chinese.slug = "huankuan-jihua"
    chinese.save_revision().publish()

    response = client.get("/zh-hans/lessons/how-repayment-plans-work/")

    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/lessons/huankuan-jihua/"


def test_unknown_lesson_is_404_in_both_languages(client, lessons):
    assert client.get("/en/lessons/no-such-lesson/").status_code == 404
    assert client.get("/zh-hans/lessons/no-such-lesson/").status_code == 404


def test_draft_lesson_is_never_shown(client, lessons):
    page = lesson("when-a-payment-is-late")
    page.unpublish()
    lesson("when-a-payment-is-late", "zh-hans").unpublish()

    assert client.get("/en/lessons/when-a-payment-is-late/").status_code == 404
    assert client.get("/zh-hans/lessons/when-a-payment-is-late/").status_code == 404
    index = client.get("/en/lessons/")
    assert "When a payment is late" not in index.text
    assert "How repayment plans work" in index.text


def test_unpublished_changes_are_not_shown(client, lessons):
    page = lesson("reading-your-statement")
    page.title = "A draft title nobody has approved"
    page.save_revision()

    response = client.get("/en/lessons/reading-your-statement/")

    assert "Reading your statement" in response.text
    assert "A draft title nobody has approved" not in response.text


def test_republishing_shows_the_new_text_at_once(client, lessons):
    client.get("/en/lessons/reading-your-statement/")
    page = lesson("reading-your-statement")
    page.title = "Reading your statement, line by line"
    page.save_revision().publish()

    assert "line by line" in client.get("/en/lessons/reading-your-statement/").text
    assert "line by line" in client.get("/en/lessons/").text


def test_index_groups_lessons_by_topic_in_order(client, lessons):
    response = client.get("/en/lessons/")

    text = response.text
    assert text.index("Understanding your loan") < text.index("Reading your statement")
    assert text.index("If you fall behind") < text.index("When a payment is late")
    assert text.index("Getting help") < text.index("How repayment plans work")
    assert "Your rights" not in text  # no lesson in that topic yet


def test_chinese_index_lists_english_only_lessons_with_a_mark(client, lessons):
    response = client.get("/zh-hans/lessons/")

    assert "晚还款会怎样" in response.text
    assert "Reading your statement" in response.text
    assert 'href="/zh-hans/lessons/reading-your-statement/"' in response.text


def test_reading_time_and_plain_language_figures_are_stored_with_each_revision(lessons):
    page = lesson("when-a-payment-is-late")

    assert page.reading_minutes == 1
    assert page.reading_level is not None
    assert page.readability["measure"] == "flesch-kincaid-grade"
    revision = page.live_revision.as_object()
    assert revision.reading_level == page.reading_level
    assert revision.readability == page.readability

    chinese = lesson("when-a-payment-is-late", "zh-hans")
    assert chinese.readability["measure"] == "zh-sentence-character"


def test_long_lesson_reading_time_counts_words():
    page = LessonPage(title="t", summary="s", topic="getting-help", slug="long")
    page.locale = Locale.objects.get(language_code="en")
    page.body = [("text", "<p>" + "word " * 450 + "</p>")]

    page.refresh_derived_fields()

    assert page.reading_minutes == 3


def test_reserved_slugs_are_refused(lessons):
    page = lesson("reading-your-statement")
    page.slug = "glossary"

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "slug" in error.value.message_dict


def test_check_question_needs_a_right_answer():
    from wagtail.blocks import StructBlockValidationError

    from education.blocks import CheckQuestionBlock

    block = CheckQuestionBlock()
    value = block.to_python(
        {
            "question": "Q?",
            "choices": [
                {"text": "a", "correct": False, "feedback": "no"},
                {"text": "b", "correct": False, "feedback": "no"},
            ],
        }
    )

    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_do_dont_needs_at_least_one_item():
    from wagtail.blocks import StructBlockValidationError

    from education.blocks import DoDontBlock

    block = DoDontBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"dos": [], "donts": []}))


def test_every_block_renders_its_preview_value():
    from education.blocks import LessonBodyBlock

    for name, child in LessonBodyBlock().child_blocks.items():
        html = child.render(child.get_preview_value())
        assert html.strip(), name
