"""Loading lessons and glossary terms from JSON (``manage.py load_demo_lessons``)."""

import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from education.demo import CONTENT_DIR, load
from education.models import GlossaryTerm, LessonPage

from .conftest import CONTENT, lesson

pytestmark = pytest.mark.django_db


def test_lessons_load_in_both_languages_as_published_translations(lessons):
    for slug in ("when-a-payment-is-late", "how-repayment-plans-work"):
        english, chinese = lesson(slug), lesson(slug, "zh-hans")
        assert english.live and chinese.live
        assert english.translation_key == chinese.translation_key
        assert chinese.get_parent().locale.language_code == "zh-hans"
    assert not LessonPage.objects.filter(
        slug="reading-your-statement", locale__language_code="zh-hans"
    ).exists()
    assert GlossaryTerm.objects.filter(live=True).count() == 7


def test_loading_again_changes_nothing(lessons):
    before = {page.pk: page.latest_revision_id for page in LessonPage.objects.all()}

    lesson_summary, term_summary = load(CONTENT)

    assert lesson_summary.created == lesson_summary.updated == []
    assert term_summary.created == term_summary.updated == []
    assert {page.pk: page.latest_revision_id for page in LessonPage.objects.all()} == before


def test_loading_changed_content_updates_in_place_and_keeps_question_ids(lessons, tmp_path):
    question_ids = [b.id for b in lesson("when-a-payment-is-late").body]
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "lessons" / "when-a-payment-is-late.json"
    data = json.loads(path.read_text())
    data["en"]["title"] = "If a payment is late"
    path.write_text(json.dumps(data))

    lesson_summary, _terms = load(content)

    assert lesson_summary.updated == ["when-a-payment-is-late (en)"]
    assert LessonPage.objects.filter(slug="when-a-payment-is-late").count() == 2
    assert lesson("when-a-payment-is-late").title == "If a payment is late"
    assert [b.id for b in lesson("when-a-payment-is-late").body] == question_ids


def test_bad_content_is_refused_with_the_reason(db, tmp_path):
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "x.json").write_text(json.dumps({"slug": "x", "topic": "nope"}))

    with pytest.raises(CommandError, match="topic must be one of"):
        call_command("load_demo_lessons", path=tmp_path)


@pytest.mark.skipif(
    not (CONTENT_DIR / "lessons").is_dir(), reason="the demo content is not written yet"
)
def test_the_demo_content_loads_eight_lessons_and_twenty_terms_in_both_languages(db, client):
    call_command("load_demo_lessons", verbosity=0)

    for language in ("en", "zh-hans"):
        assert LessonPage.objects.live().filter(locale__language_code=language).count() >= 8
        assert GlossaryTerm.objects.filter(live=True, locale__language_code=language).count() >= 20
    for slug in (
        "reading-your-statement",
        "interest-and-fees",
        "when-a-payment-is-late",
        "your-rights-when-contacted",
        "how-repayment-plans-work",
        "making-a-budget",
        "hardship-and-breathing-space",
        "disputing-an-entry",
    ):
        assert client.get(f"/en/lessons/{slug}/").status_code == 200
        assert client.get(f"/zh-hans/lessons/{slug}/").status_code == 200
    statement_terms = {
        "principal",
        "interest",
        "fees",
        "balance",
        "amount-due",
        "days-past-due",
        "next-due-date",
        "loan-reference",
        "installment",
        "late-fee",
    }
    assert statement_terms <= set(
        GlossaryTerm.objects.filter(locale__language_code="zh-hans").values_list("slug", flat=True)
    )
