"""What editors and reviewers see before a lesson or glossary term goes live: the whole lesson
in the preview, the term's preview and scheduling, the plain-language check as they write (in
the page's own language), and the wording gate with a compliance reviewer's override."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from education import wording
from education.models import GlossaryTerm, LessonIndexPage, LessonPage, WordingBlocked
from tests.support.staff import signed_in

from .test_workflow import new_lesson

pytestmark = pytest.mark.django_db

BODY_PARAGRAPH = "Call us as soon as you know a payment will be late."
THREAT = "We will take immediate legal action."
GLOSSARY = "/cms/snippets/education/glossaryterm/"
TERM_FORM = {
    "term": "Arrears",
    "slug": "arrears",
    "short_definition": "Money you owe that is late.",
    "explanation": "Paying even part of it helps.",
    "lesson": "",
}


def _body(*paragraphs):
    return [("text", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))]


# --- Preview -----------------------------------------------------------------------------------


def test_editor_preview_shows_the_lesson_body(client, editor, lessons):
    page = new_lesson(user=editor, body=_body(BODY_PARAGRAPH))
    signed_in(client, editor)
    url = f"/cms/pages/{page.pk}/edit/preview/"
    assert client.post(url, _edit_form_data(page, f"<p>{BODY_PARAGRAPH}</p>")).json()["is_valid"]

    preview = client.get(url)

    assert preview.status_code == 200
    assert BODY_PARAGRAPH in preview.text
    assert "Why calling early helps." in preview.text


def test_reviewer_preview_in_the_workflow_shows_the_lesson_body(client, editor, reviewer, lessons):
    page = new_lesson(user=editor, body=_body(BODY_PARAGRAPH))
    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    signed_in(client, reviewer)

    preview = client.get(f"/cms/pages/workflow/preview/{page.pk}/{task_state.task_id}/")

    assert preview.status_code == 200
    assert BODY_PARAGRAPH in preview.text


def test_preview_is_never_cached_for_readers(client, editor, lessons):
    page = new_lesson(user=editor, body=_body(BODY_PARAGRAPH))
    signed_in(client, editor)
    url = f"/cms/pages/{page.pk}/edit/preview/"
    client.post(url, _edit_form_data(page, f"<p>{BODY_PARAGRAPH}</p>"))
    client.get(url)
    client.logout()

    assert client.get("/en/lessons/talking-early/").status_code == 404


# --- Glossary terms: preview and scheduling ----------------------------------------------------


def _draft_term(**fields):
    term = GlossaryTerm(
        slug="arrears",
        term="Arrears",
        short_definition="Money you owe that is late.",
        explanation="Paying even part of it helps.",
        locale=Locale.objects.get(language_code="en"),
        live=False,
        **fields,
    )
    term.save()
    return term


def test_glossary_edit_view_has_scheduling_and_a_preview(client, reviewer, lessons):
    term = _draft_term()
    term.save_revision()
    signed_in(client, reviewer)

    edit = client.get(f"{GLOSSARY}edit/{term.pk}/")

    assert edit.status_code == 200
    assert 'name="go_live_at"' in edit.text
    assert 'name="expire_at"' in edit.text
    preview_url = f"{GLOSSARY}preview/{term.pk}/"
    client.post(preview_url, {**TERM_FORM, "short_definition": "Money you owe that is late."})
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Money you owe that is late." in preview.text
    assert "Paying even part of it helps." in preview.text


def test_scheduled_term_goes_live_when_the_beat_task_runs(reviewer, lessons):
    from education.tasks import publish_scheduled

    term = _draft_term(go_live_at=timezone.now() + timedelta(hours=1))
    term.save_revision(user=reviewer).publish(user=reviewer)
    term.refresh_from_db()
    assert not term.live  # scheduled, not yet live

    publish_scheduled()
    term.refresh_from_db()
    assert not term.live

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        publish_scheduled()

    term.refresh_from_db()
    assert term.live


def test_publish_scheduled_command_publishes_a_due_term_and_expires_it(reviewer, lessons):
    now = timezone.now()
    term = _draft_term(go_live_at=now + timedelta(minutes=5), expire_at=now + timedelta(days=1))
    term.save_revision(user=reviewer).publish(user=reviewer)

    with time_machine.travel(now + timedelta(minutes=10)):
        call_command("publish_scheduled", verbosity=0)
    term.refresh_from_db()
    assert term.live

    with time_machine.travel(now + timedelta(days=2)):
        call_command("publish_scheduled", verbosity=0)
    term.refresh_from_db()
    assert not term.live


# --- The plain-language check, live and in the page's language ---------------------------------


def _edit_form_data(page, body_html):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "topic": page.topic,
            "position": page.position,
            "body": streamfield([("text", rich_text(body_html))]),
            "comments": inline_formset([]),
        }
    )


def test_the_check_follows_unsaved_changes(client, editor, lessons):
    page = new_lesson(user=editor)
    signed_in(client, editor)

    answer = client.post(
        f"/cms/education/lessons/{page.pk}/plain-language/",
        _edit_form_data(
            page, "<p>The outstanding principal will be amortised over the residual term.</p>"
        ),
    )

    assert answer.status_code == 200
    html = answer.json()["html"]
    for word in ("outstanding principal", "amortised", "residual term"):
        assert word in html
    page.refresh_from_db()
    assert "amortised" not in str(page.get_latest_revision_as_object().body)


def test_the_editor_shows_the_live_check_address(client, editor, lessons):
    page = new_lesson(user=editor)
    signed_in(client, editor)

    edit = client.get(f"/cms/pages/{page.pk}/edit/")

    assert f'data-readability-url="/cms/education/lessons/{page.pk}/plain-language/"' in edit.text
    assert "js/plain-language-check.js" in edit.text


def test_a_jargon_word_linked_to_the_glossary_counts_as_explained(editor, lessons):
    linked = new_lesson(
        user=editor,
        body=_body('Your <a href="/en/lessons/glossary/#principal">principal</a> goes down.'),
    )
    unlinked = new_lesson(
        user=editor, slug="unlinked", title="Unlinked", body=_body("Your principal goes down.")
    )

    assert "principal" not in {f.detail for f in linked.current_readability_report().findings}
    assert "principal" in {f.detail for f in unlinked.current_readability_report().findings}


def test_a_new_chinese_translation_is_checked_in_chinese_at_once(client, editor, lessons):
    page = new_lesson(user=editor, body=_body(BODY_PARAGRAPH))
    chinese_index = LessonIndexPage.objects.get(locale__language_code="zh-hans")
    copy = page.copy_for_translation(Locale.objects.get(language_code="zh-hans"))
    assert copy.get_parent().pk == chinese_index.pk
    signed_in(client, editor)

    edit = client.get(f"/cms/pages/{copy.pk}/edit/")

    assert copy.specific.readability_report().language == "zh-hans"
    assert "sentence length and uncommon characters" in edit.text
    assert "Flesch-Kincaid" not in edit.text


def test_glossary_definition_is_checked_on_save(client, reviewer, lessons):
    term = _draft_term()
    term.save_revision()
    signed_in(client, reviewer)

    response = client.post(
        f"{GLOSSARY}edit/{term.pk}/",
        {**TERM_FORM, "short_definition": "Arrears accrue pursuant to the agreement."},
        follow=True,
    )

    text = response.text
    assert "Plain language, short definition" in text
    assert "pursuant to" in text


# --- The wording gate ------------------------------------------------------------------------


def _threatening_lesson(editor):
    return new_lesson(user=editor, body=_body(BODY_PARAGRAPH, THREAT))


def test_a_threatening_lesson_cannot_be_published(client, editor, reviewer, lessons):
    page = _threatening_lesson(editor)
    revision = page.get_latest_revision()

    with pytest.raises(WordingBlocked):
        revision.publish(user=reviewer)
    page.refresh_from_db()
    assert not page.live
    # An editor cannot publish at all, and their submission cannot be approved through it.
    assert not page.permissions_for_user(editor).can_publish()
    state = page.get_workflow().start(page, editor)
    task = state.current_task_state.task.specific
    with pytest.raises(WordingBlocked):
        task.on_action(state.current_task_state, reviewer, "approve")
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == "in_progress"
    assert client.get("/en/lessons/talking-early/").status_code == 404


def test_publishing_from_the_editor_shows_why_it_was_refused(client, editor, reviewer, lessons):
    page = _threatening_lesson(editor)
    signed_in(client, reviewer)
    data = _edit_form_data(page, f"<p>{BODY_PARAGRAPH}</p><p>{THREAT}</p>")
    data["action-publish"] = "action-publish"

    response = client.post(f"/cms/pages/{page.pk}/edit/", data, follow=True)

    page.refresh_from_db()
    assert not page.live
    assert "wording check" in response.text
    assert "legal action" in response.text
    assert "Review and let it go live" in response.text


def test_the_editor_sees_the_findings_in_the_page(client, editor, lessons):
    page = _threatening_lesson(editor)
    signed_in(client, editor)

    edit = client.get(f"/cms/pages/{page.pk}/edit/")

    assert "stops this going live" in edit.text
    assert "legal action" in edit.text
    assert "Review and let this version go live" not in edit.text  # editors cannot override


def test_after_a_reviewers_override_the_revision_can_be_approved(client, editor, reviewer, lessons):
    page = _threatening_lesson(editor)
    state = page.get_workflow().start(page, editor)
    revision = page.get_latest_revision()
    content_type = ContentType.objects.get_for_model(LessonPage)
    url = f"/cms/education/wording-override/{content_type.pk}/{page.pk}/{revision.pk}/"

    signed_in(client, editor)
    assert client.get(url).status_code in (302, 403)
    assert wording.override_for(page, revision) is None

    signed_in(client, reviewer)
    form = client.get(url)
    assert form.status_code == 200
    assert "legal action" in form.text
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 200
    assert wording.override_for(page, revision) is None
    client.post(url, {"reason": "Quoted in a lesson about what collectors must not say."})

    override = wording.override_for(page, revision)
    assert override.reviewer == reviewer
    task = state.current_task_state.task.specific
    task.on_action(state.current_task_state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live


def test_an_override_does_not_carry_over_to_a_later_change(editor, reviewer, lessons):
    page = _threatening_lesson(editor)
    revision = page.get_latest_revision()
    wording.record_override(
        obj=page,
        revision=revision,
        reviewer=reviewer,
        reason="Quoted.",
        found=wording.flags(page.wording_texts()),
    )
    page.title = "Talking to us early, again"
    later = page.save_revision(user=editor)

    with pytest.raises(WordingBlocked):
        later.publish(user=reviewer)


def test_a_fair_lesson_about_your_rights_in_court_publishes(editor, reviewer, lessons):
    page = new_lesson(
        user=editor,
        title="Your rights",
        slug="your-rights-in-court",
        body=_body(
            "If you disagree with us, you have the right to take your complaint to court or to "
            "the ombudsman. It is free to complain to the ombudsman."
        ),
    )

    page.get_latest_revision().publish(user=reviewer)

    page.refresh_from_db()
    assert page.live


def test_a_chinese_lesson_is_checked_in_chinese(editor, reviewer, lessons):
    page = new_lesson(user=editor, body=_body(BODY_PARAGRAPH))
    copy = page.copy_for_translation(Locale.objects.get(language_code="zh-hans")).specific
    copy.body = _body("请您按时还款。", "如果今天不还，我们将立即起诉您。")
    revision = copy.save_revision(user=editor)

    assert {language for _, _, language in copy.wording_texts()} == {"zh-hans"}
    with pytest.raises(WordingBlocked):
        revision.publish(user=reviewer)


def test_a_threatening_glossary_definition_cannot_be_published(reviewer, lessons):
    term = _draft_term()
    term.short_definition = "Money you owe that is late. We will take immediate legal action."
    term.save()
    revision = term.save_revision(user=reviewer)

    with pytest.raises(WordingBlocked):
        revision.publish(user=reviewer)
    term.refresh_from_db()
    assert not term.live


def test_approving_from_the_editor_shows_why_it_was_refused(client, editor, reviewer, lessons):
    page = _threatening_lesson(editor)
    state = page.get_workflow().start(page, editor)
    signed_in(client, reviewer)
    data = _edit_form_data(page, f"<p>{BODY_PARAGRAPH}</p><p>{THREAT}</p>")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})

    response = client.post(f"/cms/pages/{page.pk}/edit/", data, follow=True)

    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == "in_progress"
    assert "legal action" in response.text


def test_publishing_a_threatening_term_from_the_editor_shows_why(client, reviewer, lessons):
    term = _draft_term()
    term.save_revision()
    signed_in(client, reviewer)
    threat = "Money you owe that is late. We will take immediate legal action."

    response = client.post(
        f"{GLOSSARY}edit/{term.pk}/",
        {**TERM_FORM, "short_definition": threat, "action-publish": "action-publish"},
        follow=True,
    )

    term.refresh_from_db()
    assert not term.live
    assert "legal action" in response.text
    assert "Review and let it go live" in response.text
