"""Message texts go live only through review: a draft is not sent, editors submit and compliance
reviewers approve, words the tone check flags need a reviewer's recorded reason first, and the
approval is on record with the reviewer and the revision."""

from importlib import import_module

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry, WorkflowState

from education.models import WordingOverride
from portal.audit.models import Record
from portal.notifications.message_texts import review
from portal.notifications.message_texts.compose import load_texts
from portal.notifications.message_texts.defaults import DEFAULTS, SAMPLE_VALUES
from portal.notifications.models import Event, MessageTemplate
from portal.support import roles
from tests import factories
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

BASE = "/cms/snippets/notifications/messagetemplate/"
THREAT = "{{ name }}，您好：您的还款已逾期。如不还款，我们将起诉您。"
REASON = "Reviewed with the lender's counsel: the wording is cleared for this test."
ADVISER = {"debt_advice_name": "", "debt_advice_phone": "", "debt_advice_url": ""}


def _staff(name):
    import_module("portal.notifications.migrations.0002_seed_message_texts").grant(apps, None)
    user = factories.UserFactory()
    group = roles.group(name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(group)
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def editor():
    return _staff(roles.EDITORS)


@pytest.fixture
def reviewer():
    return _staff(roles.REVIEWERS)


def _as(client, user):
    client.logout()
    return signed_in(client, user)


def _row(event=Event.PAYMENT_MISSED, language="zh-hans"):
    return MessageTemplate.objects.get(event=event, language=language)


def _form(row, **changes):
    data = {name: getattr(row, name) for name in ("event", "language", "subject", "body", "sms")}
    data.update(changes)
    return data


def _in_portal(texts, event=Event.PAYMENT_MISSED, language="zh-hans"):
    return texts.render(
        event=event,
        channel="in_portal",
        language=language,
        context=SAMPLE_VALUES[language],
        lender=type("Lender", (), ADVISER)(),
    )


def _submit(client, row, **changes):
    return client.post(f"{BASE}edit/{row.pk}/", {**_form(row, **changes), "action-submit": "1"})


def _approve(client, row):
    row.refresh_from_db()
    task_state = row.current_workflow_task_state
    return client.post(f"{BASE}workflow/action/{row.pk}/approve/{task_state.pk}/", {})


def test_existing_texts_are_live_with_an_initial_revision():
    for row in MessageTemplate.objects.all():
        assert row.live and not row.has_unpublished_changes
        assert row.live_revision_id == row.latest_revision_id is not None
        assert row.live_revision.as_object().body == row.body


def test_running_the_migration_again_adds_no_revisions():
    from wagtail.models import Revision

    migration = import_module("portal.notifications.migrations.0008_message_text_review")
    before = Revision.objects.count()

    migration.publish_existing(apps, None)
    migration.review(apps, None)

    assert Revision.objects.count() == before


def test_message_texts_go_through_the_lessons_review_workflow():
    workflow = MessageTemplate().get_workflow()

    assert workflow is not None and workflow.name == "Lesson review"
    (task,) = [task.specific for task in workflow.tasks]
    assert [group.name for group in task.groups.all()] == [roles.REVIEWERS]


def test_a_draft_is_not_used_by_the_planner(client, editor):
    row = _row(Event.UPCOMING_DUE, "en")
    _as(client, editor)

    client.post(f"{BASE}edit/{row.pk}/", _form(row, subject="Draft: {{ reference }} soon"))

    row.refresh_from_db()
    assert row.has_unpublished_changes
    rendered = _in_portal(load_texts(), Event.UPCOMING_DUE, "en")
    assert rendered.subject != "Draft: HCF-000123 soon"
    assert row.subject == DEFAULTS[Event.UPCOMING_DUE]["en"].subject


def test_a_text_never_published_falls_back_to_the_shipped_words():
    row = _row(Event.PLAN_COMPLETED, "en")
    MessageTemplate.objects.filter(pk=row.pk).update(live=False, subject="Never published")

    rendered = _in_portal(load_texts(), Event.PLAN_COMPLETED, "en")

    assert rendered.subject == DEFAULTS[Event.PLAN_COMPLETED]["en"].subject


def test_an_editor_cannot_publish_only_submit(client, editor):
    row = _row(Event.UPCOMING_DUE, "en")
    _as(client, editor)

    response = client.post(
        f"{BASE}edit/{row.pk}/",
        {
            **_form(row, subject="Your loan {{ reference }}: payment due soon"),
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]

    row.refresh_from_db()
    assert row.subject == DEFAULTS[Event.UPCOMING_DUE]["en"].subject
    assert row.has_unpublished_changes


def test_a_threat_in_a_chinese_text_goes_live_only_with_a_reviewers_reason(
    client, editor, reviewer
):
    row = _row()
    _as(client, editor)

    # The editor can save and submit it: the findings are warnings.
    response = _submit(client, row, body=THREAT)
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.workflow_in_progress
    revision = row.latest_revision
    assert [flag.phrase for flag in review.blocking_flags(row, revision)]

    # An editor cannot let it through.
    # (Wagtail answers a refusal in the CMS by sending them back to the dashboard.)
    assert client.get(f"{BASE}wording/{row.pk}/").status_code in (302, 403)
    refused = client.post(f"{BASE}wording/{row.pk}/", {"revision": revision.pk, "reason": "x"})
    assert refused.status_code in (302, 403)
    assert not WordingOverride.objects.exists()

    # The reviewer's approval is refused while the check flags it.
    _as(client, reviewer)
    response = _approve(client, row)
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.workflow_in_progress
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["zh-hans"].body
    page = client.get(f"{BASE}edit/{row.pk}/").content.decode()
    assert "This text cannot go live yet" in page
    assert "Let this version go live, with a reason" in page

    # Publishing directly is refused too.
    client.post(f"{BASE}edit/{row.pk}/", {**_form(row, body=THREAT), "action-publish": "1"})
    row.refresh_from_db()
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["zh-hans"].body

    # Overridden with a reason, for this revision, on record.
    page = client.get(f"{BASE}wording/{row.pk}/").content.decode()
    assert "起诉" in page
    empty = client.post(f"{BASE}wording/{row.pk}/", {"revision": revision.pk, "reason": " "})
    assert empty.status_code == 200 and not WordingOverride.objects.exists()
    client.post(f"{BASE}wording/{row.pk}/", {"revision": revision.pk, "reason": REASON})
    override = WordingOverride.objects.get()
    assert override.revision == revision and override.reviewer == reviewer
    assert override.reason == REASON
    record = Record.objects.get(action=review.OVERRIDDEN)
    assert record.actor == reviewer and record.reason == REASON
    assert record.details["revision"] == revision.pk

    # Approved: live, and what the planner now sends.
    _approve(client, row)
    row.refresh_from_db()
    assert not row.workflow_in_progress
    assert row.live_revision == revision
    assert row.body == THREAT
    assert "我们将起诉您" in _in_portal(load_texts()).body


def test_an_override_does_not_cover_a_later_edit(client, editor, reviewer):
    row = _row()
    _as(client, editor)
    _submit(client, row, body=THREAT)
    row.refresh_from_db()
    _as(client, reviewer)
    client.post(f"{BASE}wording/{row.pk}/", {"revision": row.latest_revision_id, "reason": REASON})

    # The reviewer changes the words while approving: the new version is checked again.
    worse = THREAT + "我们会通知您的家人。"
    client.post(
        f"{BASE}edit/{row.pk}/",
        {
            **_form(row, body=worse),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )

    row.refresh_from_db()
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["zh-hans"].body
    assert row.workflow_in_progress


def test_approving_from_the_editor_an_overridden_version_publishes_it(client, editor, reviewer):
    row = _row()
    _as(client, editor)
    _submit(client, row, body=THREAT)
    row.refresh_from_db()
    revision = row.latest_revision
    _as(client, reviewer)
    client.post(f"{BASE}wording/{row.pk}/", {"revision": revision.pk, "reason": REASON})

    client.post(
        f"{BASE}edit/{row.pk}/",
        {
            **_form(row, body=THREAT),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )

    row.refresh_from_db()
    assert row.live_revision == revision and row.body == THREAT


def test_a_flagged_revision_cannot_be_published_any_other_way(reviewer):
    row = _row()
    row.body = THREAT
    revision = row.save_revision(user=reviewer)

    with pytest.raises(review.WordingBlocked):
        revision.publish(user=reviewer)

    row.refresh_from_db()
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["zh-hans"].body


def test_the_approval_is_logged_with_the_reviewer_and_the_revision(client, editor, reviewer):
    row = _row(Event.UPCOMING_DUE, "en")
    _as(client, editor)
    _submit(client, row, subject="Your payment of {{ amount }} is due soon")
    row.refresh_from_db()
    revision = row.latest_revision

    _as(client, reviewer)
    _approve(client, row)

    entry = ModelLogEntry.objects.get(action="wagtail.workflow.approve", object_id=str(row.pk))
    assert entry.user == reviewer
    assert entry.revision == revision
    record = Record.objects.get(action=review.APPROVED)
    assert record.actor == reviewer
    assert record.details == {"revision": revision.pk, "event": "upcoming_due", "language": "en"}
    # The text's history in the editor names the reviewer's approval.
    history = client.get(f"{BASE}history/{row.pk}/").content.decode()
    assert "Approved" in history
    assert reviewer.get_full_name() in history or reviewer.email in history
    assert WorkflowState.objects.get(object_id=str(row.pk)).status == "approved"


def test_revisions_can_be_compared_and_the_review_screen_previews_the_text(
    client, editor, reviewer
):
    row = _row(Event.UPCOMING_DUE, "zh-hans")
    first = row.latest_revision
    _as(client, editor)
    _submit(client, row, subject="温馨提示：{{ reference }}的还款日快到了")
    row.refresh_from_db()

    _as(client, reviewer)
    compare = client.get(
        f"{BASE}history/{row.pk}/revisions/compare/{first.pk}...{row.latest_revision_id}/"
    )
    assert compare.status_code == 200
    assert "温馨提示" in compare.content.decode()

    task = row.current_workflow_task
    preview = client.get(f"{BASE}workflow/preview/{row.pk}/{task.pk}/")
    assert preview.status_code == 200
    page = preview.content.decode()
    assert 'data-channel="sms"' in page
    assert "温馨提示：HCF-000123的还款日快到了" in page


def test_an_editor_can_lock_a_text(client, editor):
    row = _row(Event.UPCOMING_DUE, "en")
    _as(client, editor)

    client.post(f"{BASE}lock/{row.pk}/")

    row.refresh_from_db()
    assert row.locked and row.locked_by == editor


def test_the_demo_has_one_edited_text_waiting_for_the_compliance_reviewer():
    from portal.notifications.demo import load_demo_pending_text
    from portal.notifications.message_texts.compose import check_template
    from portal.support.demo import load_demo_staff

    load_demo_staff()

    assert load_demo_pending_text() is True
    assert load_demo_pending_text() is False

    row = _row(Event.UPCOMING_DUE, "en")
    (state,) = WorkflowState.objects.filter(object_id=str(row.pk), status="in_progress")
    assert state.requested_by.email == "editor@demo.example"
    draft = row.get_latest_revision_as_object()
    assert draft.subject != row.subject  # borrowers still get the live words
    assert not review.flags(draft)
    assert (
        check_template(
            event=draft.event, language="en", subject=draft.subject, body=draft.body, sms=draft.sms
        )
        == {}
    )
