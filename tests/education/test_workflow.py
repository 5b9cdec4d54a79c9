"""Roles, the review workflow, the editor's plain-language check and translation from the
admin."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Workflow, WorkflowContentType, WorkflowPage

from education.models import GlossaryTerm, LessonIndexPage, LessonPage
from tests.support.staff import signed_in

from .conftest import lesson

pytestmark = pytest.mark.django_db

JARGON_BODY = [
    (
        "text",
        "<p>Arrears which have accrued will be capitalised pursuant to the agreement.</p>",
    )
]


def new_lesson(*, user, title="Talking to us early", slug="talking-early", body=None):
    index = LessonIndexPage.objects.get(locale__language_code="en")
    page = LessonPage(
        title=title,
        slug=slug,
        summary="Why calling early helps.",
        topic="getting-help",
        body=body or [("text", "<p>Call us early. We can help.</p>")],
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user)
    return page


def test_migration_sets_up_the_roles_and_the_review_workflow():
    workflow = Workflow.objects.get(name="Lesson review")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Compliance reviewers"]
    indexes = set(LessonIndexPage.objects.values_list("pk", flat=True))
    assert len(indexes) == 2
    assert set(WorkflowPage.objects.filter(workflow=workflow).values_list("page", flat=True)) == (
        indexes
    )
    assert (
        WorkflowContentType.objects.get(
            content_type=ContentType.objects.get_for_model(GlossaryTerm)
        ).workflow
        == workflow
    )
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="submit_translation").exists()
    assert not editors.permissions.filter(codename="publish_glossaryterm").exists()
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()
    reviewers = Group.objects.get(name="Compliance reviewers")
    assert reviewers.permissions.filter(codename="publish_glossaryterm").exists()
    assert reviewers.page_permissions.filter(permission__codename="publish_page").count() == 2


def test_chinese_home_and_lessons_have_chinese_addresses():
    index = LessonIndexPage.objects.get(locale__language_code="zh-hans")

    assert index.get_url() == "/zh-hans/lessons/"


def test_editor_can_write_and_submit_but_not_publish(editor, reviewer, lessons):
    page = new_lesson(user=editor)

    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(reviewer).can_publish()
    assert page.get_workflow().name == "Lesson review"
    assert not editor.has_perm("education.publish_glossaryterm")
    assert reviewer.has_perm("education.publish_glossaryterm")


def test_lesson_goes_live_only_when_a_reviewer_approves(client, editor, reviewer, lessons):
    page = new_lesson(user=editor)
    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task = task_state.task.specific

    assert client.get("/en/lessons/talking-early/").status_code == 404
    assert task.get_actions(page, editor) == []
    assert "approve" in [name for name, *_rest in task.get_actions(page, reviewer)]

    task.on_action(task_state, reviewer, "approve")

    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == "approved"
    assert page.live
    assert client.get("/en/lessons/talking-early/").status_code == 200
    assert "Talking to us early" in client.get("/en/lessons/").text


def test_rejected_lesson_stays_hidden(client, editor, reviewer, lessons):
    page = new_lesson(user=editor)
    state = page.get_workflow().start(page, editor)
    task = state.current_task_state.task.specific

    task.on_action(state.current_task_state, reviewer, "reject")

    page.refresh_from_db()
    assert not page.live
    assert client.get("/en/lessons/talking-early/").status_code == 404


def test_glossary_terms_go_through_the_same_review(editor, reviewer, lessons):
    term = GlossaryTerm.objects.get(slug="principal", locale__language_code="en")

    assert term.get_workflow().name == "Lesson review"


def test_editor_sees_the_plain_language_check_in_the_page_editor(client, editor, lessons):
    page = new_lesson(user=editor, body=JARGON_BODY)
    signed_in(client, editor)

    response = client.get(f"/cms/pages/{page.pk}/edit/")

    assert response.status_code == 200
    html = response.text
    assert "data-readability" in html
    assert "arrears" in html and "money you owe that is late" in html
    assert "be capitalised" in html
    assert "Flesch-Kincaid" in html


def test_saving_a_lesson_warns_the_editor_about_hard_sentences(client, editor, lessons):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    from education.wagtail_hooks import _warn_about_readability

    page = new_lesson(user=editor, body=JARGON_BODY)

    request = RequestFactory().post("/")
    request.session = client.session
    request._messages = FallbackStorage(request)
    _warn_about_readability(request, page)

    [message] = list(get_messages(request))
    assert "things to look at" in str(message)


def test_figures_are_recorded_with_each_revision(editor, lessons):
    page = new_lesson(user=editor)
    first = page.latest_revision
    page = LessonPage.objects.get(pk=page.pk)
    page.body = JARGON_BODY
    second = page.save_revision(user=editor)

    assert first.as_object().readability["findings"] == []
    assert second.as_object().readability["findings"]
    assert second.as_object().reading_level > first.as_object().reading_level


def test_lesson_can_be_translated_from_the_admin(client, reviewer, lessons):
    chinese = Locale.objects.get(language_code="zh-hans")
    english = lesson("reading-your-statement")
    signed_in(client, reviewer)

    response = client.post(f"/cms/translation/submit/page/{english.pk}/", {"locales": [chinese.pk]})

    assert response.status_code == 302
    translation = english.get_translation(chinese)
    assert translation.get_parent().locale == chinese
    assert not translation.live  # a draft, for review like any lesson


def test_glossary_term_can_be_translated_from_the_admin(client, editor, lessons):
    chinese = Locale.objects.get(language_code="zh-hans")
    term = GlossaryTerm.objects.get(slug="late-fee", locale__language_code="en")
    signed_in(client, editor)

    response = client.post(
        f"/cms/translation/submit/snippet/education/glossaryterm/{term.pk}/",
        {"locales": [chinese.pk]},
    )

    assert response.status_code == 302
    translation = term.get_translation(chinese)
    assert translation.slug == "late-fee"
    assert translation.translation_key == term.translation_key
    assert not translation.live  # English text until translated and approved


def test_editor_can_open_the_glossary_in_the_admin(client, editor, lessons):
    signed_in(client, editor)

    response = client.get("/cms/snippets/education/glossaryterm/")

    assert response.status_code == 200
    assert "Days past due" in response.text


@pytest.mark.parametrize("ordering", ["", "term", "-term"])
def test_editor_can_search_the_glossary_in_the_admin(client, editor, lessons, ordering):
    signed_in(client, editor)

    response = client.get(
        "/cms/snippets/education/glossaryterm/", {"q": "days", "ordering": ordering}
    )

    assert response.status_code == 200
    assert "Days past due" in response.text
