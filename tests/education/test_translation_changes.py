"""A translation keeps up with its English lesson: it keeps the English slug whatever its
title, and its editor shows what changed in the English since the translation was last saved."""

import pytest
from wagtail.models import Locale

from education.models import LessonPage
from education.translation_changes import ADDED, REMOVED, Change, line_changes
from tests.support.staff import signed_in

from .test_workflow import new_lesson

pytestmark = pytest.mark.django_db


def _body(text):
    return [("text", f"<p>{text}</p>")]


def _translate(page, user):
    copy = page.copy_for_translation(Locale.objects.get(language_code="zh-hans")).specific
    copy.title = "早点和我们联系"
    copy.body = _body("尽早给我们打电话。我们可以帮您。")
    copy.save_revision(user=user)
    copy.save()
    return LessonPage.objects.get(pk=copy.pk)


def test_line_changes_lists_what_went_and_what_came():
    assert line_changes(["Call us.", "We help."], ["Call us today.", "We help."]) == [
        Change(REMOVED, "Call us."),
        Change(ADDED, "Call us today."),
    ]
    assert line_changes(["Same."], ["Same."]) == []


def test_a_retitled_translation_takes_the_english_slug_not_a_unicode_one(editor, lessons):
    page = new_lesson(user=editor, body=_body("Call us early."))
    chinese = _translate(page, editor)
    chinese.title = "还款有困难时先打电话"
    chinese.slug = "还款有困难时先打电话"
    chinese.save()
    chinese.refresh_from_db()
    assert chinese.slug == page.slug == "talking-early"
    # A slug an editor chose in pinyin is theirs to keep.
    chinese.slug = "zao-dian-lian-xi"
    chinese.save()
    chinese.refresh_from_db()
    assert chinese.slug == "zao-dian-lian-xi"


def test_the_translator_sees_what_changed_in_the_english_since_the_last_save(
    client, editor, lessons
):
    page = new_lesson(user=editor, body=_body("Call us early. We can help."))
    chinese = _translate(page, editor)
    signed_in(client, editor)
    assert "Up to date" in client.get(f"/cms/pages/{chinese.pk}/edit/").text

    page.body = _body("Call us early. We can help. We can also pause your payments.")
    page.save_revision(user=editor)

    edit = client.get(f"/cms/pages/{chinese.pk}/edit/").text
    assert "has changed since this translation was last saved" in edit
    assert "We can also pause your payments." in edit

    chinese.body = _body("尽早给我们打电话。我们可以帮您，也可以暂停您的还款。")
    chinese.save_revision(user=editor)
    chinese.save()
    assert "Up to date" in client.get(f"/cms/pages/{chinese.pk}/edit/").text


def test_an_english_lesson_shows_no_translation_panel(client, editor, lessons):
    page = new_lesson(user=editor)
    signed_in(client, editor)
    assert "data-translation-changes" not in client.get(f"/cms/pages/{page.pk}/edit/").text
