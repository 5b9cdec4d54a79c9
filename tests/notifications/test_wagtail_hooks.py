"""Message texts in the editor: who sees them, what saving refuses and why, what it keeps as a
draft with a warning, and the preview of every channel."""

import json
from importlib import import_module

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.utils.translation import trans_real
from wagtail.users.models import UserProfile

from portal.notifications.message_texts import compose as texts
from portal.notifications.message_texts.defaults import DEFAULTS
from portal.notifications.models import Event, MessageTemplate
from portal.support import roles
from tests import factories
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

BASE = "/cms/snippets/notifications/messagetemplate/"


def _staff(*groups: str):
    """A CMS user in these groups, with an authenticator (the CMS requires one)."""
    import_module("portal.notifications.migrations.0002_seed_message_texts").grant(apps, None)
    user = factories.UserFactory()
    for name in groups:
        group = roles.group(name)
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        user.groups.add(group)
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def editor_client(client):
    signed_in(client, _staff("Editors"))
    return client


def _row(event=Event.PAYMENT_MISSED, language="en"):
    return MessageTemplate.objects.get(event=event, language=language)


def _form(row, **changes):
    data = {
        "event": row.event,
        "language": row.language,
        "subject": row.subject,
        "body": row.body,
        "sms": row.sms,
    }
    data.update(changes)
    return data


def test_editors_and_reviewers_see_message_texts_in_the_menu(client):
    for groups in (("Editors",), ("Compliance reviewers",)):
        signed_in(client, _staff(*groups))

        assert "Message texts" in client.get("/cms/").text
        assert client.get(BASE).status_code == 200


def test_staff_without_the_permission_see_no_menu_item_and_cannot_open_the_list(client):
    others = Group.objects.create(name="Other staff")
    signed_in(client, _staff("Other staff"))

    assert others.permissions.filter(codename__endswith="messagetemplate").count() == 0
    assert "Message texts" not in client.get("/cms/").text
    assert client.get(BASE).status_code in (302, 403)


def test_reviewers_can_change_texts_but_not_add_them():
    reviewer = _staff("Compliance reviewers")
    editor = _staff("Editors")

    assert reviewer.has_perm("notifications.change_messagetemplate")
    assert not reviewer.has_perm("notifications.add_messagetemplate")
    assert editor.has_perm("notifications.add_messagetemplate")
    assert not editor.has_perm("notifications.delete_messagetemplate")
    # Only a reviewer puts words live; an editor submits them for review.
    assert reviewer.has_perm("notifications.publish_messagetemplate")
    assert not editor.has_perm("notifications.publish_messagetemplate")


def test_the_list_filters_by_event_and_language(editor_client):
    response = editor_client.get(BASE, {"event": Event.PAUSE_GRANTED, "language": "zh-hans"})

    assert response.status_code == 200
    assert "您的暂停已生效" in response.text
    assert "Your pause is in place" not in response.text
    assert "您已完成还款计划" not in response.text


def test_the_menu_is_in_the_editors_language(client, monkeypatch):
    catalogue = trans_real.translation("zh-hans")._catalog._catalogs[0]
    monkeypatch.setitem(catalogue, "Message texts", "消息文本")
    user = _staff("Editors")
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language="zh-hans")
    signed_in(client, user)
    chinese = client.get("/cms/").text
    signed_in(client, _staff("Editors"))
    english = client.get("/cms/").text

    # The menu is JSON in the page, where Chinese may be written as \u escapes.
    label = {'"label": "消息文本"', f'"label": {json.dumps("消息文本")}'}
    assert any(form in chinese for form in label)
    assert not any(form in english for form in label)
    assert '"label": "Message texts"' in english


def test_saving_a_calm_edit_keeps_it_as_a_draft(editor_client):
    row = _row()
    body = "Hello {{ name }},\r\n\r\nWe can help. See what you can arrange: {{ help_link }}"

    response = editor_client.post(f"{BASE}edit/{row.pk}/", _form(row, body=body))

    assert response.status_code == 302
    row.refresh_from_db()
    draft = row.get_latest_revision_as_object()
    assert (
        draft.body == "Hello {{ name }},\n\nWe can help. See what you can arrange: {{ help_link }}"
    )
    # Borrowers still get the live words until a reviewer approves the draft.
    assert row.has_unpublished_changes
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["en"].body


def test_a_threat_is_saved_as_a_draft_with_the_finding_shown(editor_client):
    row = _row()
    threat = "Hello {{ name }}. Pay today. We will tell your employer."

    response = editor_client.post(f"{BASE}edit/{row.pk}/", _form(row, body=threat), follow=True)

    page = response.content.decode()
    assert "The wording check found" in page and "the draft is saved" in page
    assert "We will tell your employer." in page
    assert "Mentions someone other than the borrower" in page
    assert "it cannot go live until the words are changed" in page
    row.refresh_from_db()
    assert row.get_latest_revision_as_object().body == threat
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["en"].body


def test_a_chinese_ultimatum_is_saved_as_a_draft_with_the_finding_shown(editor_client):
    row = _row(language="zh-hans")
    ultimatum = "{{ name }}，您好：请立即还款否则我们会采取措施。"

    response = editor_client.post(f"{BASE}edit/{row.pk}/", _form(row, body=ultimatum), follow=True)

    page = response.content.decode()
    assert "立即还款否则" in page
    assert "False urgency" in page
    row.refresh_from_db()
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["zh-hans"].body


def test_an_unknown_placeholder_a_tag_and_bad_syntax_are_refused(editor_client):
    row = _row(Event.PAYMENT_RECEIVED)

    response = editor_client.post(
        f"{BASE}edit/{row.pk}/",
        _form(
            row,
            subject="Thanks {{ full_name }}",
            body="{% if name %}Hello{% endif %}",
            sms="{{ lender }: thanks",
        ),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Unknown placeholder “{{ full_name }}”" in page
    assert "{{ paid_on }}" in page  # the ones it can use
    assert "Only placeholders such as {{ amount }} can be used here" in page
    assert "A placeholder is not closed properly" in page
    row.refresh_from_db()
    assert row.subject == DEFAULTS[Event.PAYMENT_RECEIVED]["en"].subject


def test_hard_reading_is_refused_with_the_lessons_wording(editor_client):
    row = _row(Event.PAYMENT_RECEIVED)
    body = "Hello {{ name }}. Your remittance was received and the interest was capitalised."

    response = editor_client.post(f"{BASE}edit/{row.pk}/", _form(row, body=body))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Jargon" in page and "remittance" in page
    assert "Passive voice" in page and "say who does it" in page


def test_a_text_message_longer_than_two_parts_is_refused(editor_client):
    row = _row(Event.PAYMENT_RECEIVED)
    sms = "{{ lender }}: " + "Thank you. " * 25  # within 300 characters as written

    response = editor_client.post(f"{BASE}edit/{row.pk}/", _form(row, sms=sms))

    assert response.status_code == 200
    assert "This text message is too long" in response.content.decode()


def test_check_template_limits_a_text_message_to_two_parts():
    event, language = Event.PAYMENT_RECEIVED, "zh-hans"
    default = DEFAULTS[event][language]
    fits = "谢谢。" * 40  # 120 characters; with the reply line, two parts
    too_long = "谢谢。" * 44

    def problems(sms):
        return texts.check_template(
            event=event, language=language, subject=default.subject, body=default.body, sms=sms
        )

    assert problems(fits) == {}
    assert list(problems(too_long)) == ["sms"]


def test_the_preview_shows_the_email_the_message_centre_and_the_sms(editor_client):
    row = _row()
    url = f"{BASE}preview/{row.pk}/"
    body = "Hello {{ name }},\n\nWe can help with {{ amount }}: {{ help_link }}"
    sms = "{{ lender }}: we can help with {{ amount }}."

    posted = editor_client.post(url, _form(row, body=body, sms=sms))
    response = editor_client.get(url)

    assert posted.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-channel="email"' in page and 'data-channel="sms"' in page
    assert 'data-channel="in_portal"' in page
    assert "We can help with $120.00" in page
    # The free help of the sample values' country (dollars: the United States), as published.
    assert "NFCC (National Foundation for Credit Counseling)" in page
    assert "Stop them with one click: https://portal.example/messages/stop/" in page
    # How to pay, added to a message that asks for a payment: the reference on a text message,
    # the details in the e-mail and the message centre.
    assert "Bank transfer: Harbour Bank, account name Harbour Community Finance" in page
    text_message = (
        "Harbour Community Finance: we can help with $120.00. Payment reference: HCF0001230X. "
        "Free debt advice: NFCC (National Foundation for Credit Counseling), 1-800-388-2227. "
        "Reply STOP to opt out"
    )
    assert text_message in page
    assert f"{len(text_message)} characters: 2 text messages." in page
    row.refresh_from_db()
    assert row.body == DEFAULTS[Event.PAYMENT_MISSED]["en"].body  # a preview saves nothing


def test_the_preview_is_in_the_language_of_the_text(editor_client):
    row = _row(Event.PAUSE_GRANTED, "zh-hans")
    url = f"{BASE}preview/{row.pk}/"

    editor_client.post(url, _form(row))
    page = editor_client.get(url).content.decode()

    assert 'lang="zh-hans" data-channel="sms"' in page
    assert "【海港社区金融】您的贷款HCF-000123已暂停到2026年4月30日。" in page
    assert "回复TD退订" in page


def test_a_refused_text_has_no_preview(editor_client):
    row = _row()
    url = f"{BASE}preview/{row.pk}/"

    posted = editor_client.post(url, _form(row, body="Hello {{ full_name }}."))

    assert posted.json()["is_valid"] is False


def test_the_editor_lists_the_placeholders_of_the_text(editor_client):
    row = _row(Event.PAUSE_GRANTED)

    page = editor_client.get(f"{BASE}edit/{row.pk}/").content.decode()

    assert "data-placeholders" in page
    assert "{{ until }}" in page and "The last day of a pause" in page
    assert "{{ days_late }}" not in page  # not supplied for this event


def test_an_editor_can_add_back_a_missing_text(editor_client):
    MessageTemplate.objects.filter(event=Event.PLAN_COMPLETED, language="en").delete()
    default = DEFAULTS[Event.PLAN_COMPLETED]["en"]
    data = {
        "event": Event.PLAN_COMPLETED,
        "language": "en",
        "subject": default.subject,
        "body": default.body,
        "sms": default.sms,
    }

    response = editor_client.post(f"{BASE}add/", data)

    assert response.status_code == 302
    assert MessageTemplate.objects.get(event=Event.PLAN_COMPLETED, language="en").sms == default.sms
