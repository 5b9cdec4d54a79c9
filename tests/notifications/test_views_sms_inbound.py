"""Inbound text replies: only the provider (holding the shared secret) may post; a stop request,
however it is written, stops that number; START lifts it; anything else changes nothing."""

import pytest
from django.test import Client

from portal.notifications.models import ContactPreferences, Suppression

from .views_helpers import borrower

pytestmark = pytest.mark.django_db

URL = "/hooks/sms/inbound/"
SECRET = "a-long-shared-secret"
NUMBER = "+8613800138000"


@pytest.fixture(autouse=True)
def secret(settings):
    settings.SMS_INBOUND_TOKEN = SECRET


def reply(body, sender="+86 138 0013 8000", **extra):
    provider = Client(enforce_csrf_checks=True)
    return provider.post(f"{URL}?token={SECRET}", {"From": sender, "Body": body}, **extra)


@pytest.mark.parametrize(
    ("query", "headers"),
    [
        ("", {}),
        ("?token=wrong", {}),
        ("", {"X-Portal-Token": "wrong"}),
        ("?token=", {"X-Portal-Token": ""}),
    ],
    ids=["none", "wrong-query", "wrong-header", "empty"],
)
def test_a_post_without_the_secret_is_refused_and_changes_nothing(query, headers):
    response = Client().post(f"{URL}{query}", {"From": NUMBER, "Body": "STOP"}, headers=headers)
    assert response.status_code == 403
    assert not Suppression.objects.exists()


def test_without_a_configured_secret_every_post_is_refused(settings):
    settings.SMS_INBOUND_TOKEN = ""
    response = Client().post(f"{URL}?token=", {"From": NUMBER, "Body": "STOP"})
    assert response.status_code == 403
    del settings.SMS_INBOUND_TOKEN
    assert Client().post(URL, {"From": NUMBER, "Body": "STOP"}).status_code == 403
    assert not Suppression.objects.exists()


def test_the_secret_may_come_in_a_header():
    response = Client().post(
        URL, {"From": NUMBER, "Body": "STOP"}, headers={"X-Portal-Token": SECRET}
    )
    assert response.status_code == 200
    assert Suppression.objects.filter(address=NUMBER).exists()


@pytest.mark.parametrize(
    ("body", "matched"),
    [
        ("STOP", "stop"),
        ("Stop please", "stop"),
        ("退订", "退订"),
        ("stop texting me", "stop texting me"),
        ("Please STOP TEXTING ME!!", "stop texting me"),
        ("不要再发了", "不要再发了"),
    ],
)
def test_a_stop_reply_stops_that_number(body, matched):
    response = reply(body)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    suppression = Suppression.objects.get()
    assert (suppression.channel, suppression.address) == ("sms", NUMBER)
    assert (suppression.reason, suppression.source, suppression.detail) == (
        "opted_out",
        "reply",
        matched,
    )


def test_a_repeated_stop_is_one_opt_out_and_is_confirmed_each_time():
    first, second = reply("STOP"), reply("stop")
    assert first.text == second.text
    assert "We will not send you any more text messages." in first.text
    assert "reply START" in first.text
    assert Suppression.objects.count() == 1


def test_start_lifts_the_opt_out_but_not_a_bounce():
    reply("STOP")
    Suppression.objects.create(channel="sms", address=NUMBER, reason="bounced", source="provider")
    response = reply("START")
    assert response.status_code == 200
    assert "on again" in response.text
    assert list(Suppression.objects.values_list("reason", flat=True)) == ["bounced"]


@pytest.mark.parametrize(
    "body", ["I will pay on Friday", "Can I stop by the branch tomorrow?", "", "👍"]
)
def test_any_other_reply_changes_nothing_and_is_not_answered(body):
    response = reply(body)
    assert response.status_code == 200
    assert response.text == ""
    assert not Suppression.objects.exists()


def test_a_reply_without_a_sender_is_refused():
    assert reply("STOP", sender="").status_code == 400
    assert not Suppression.objects.exists()


def test_only_post_is_accepted():
    assert Client().get(f"{URL}?token={SECRET}").status_code == 405


def test_the_answer_is_in_the_borrowers_language():
    borrower(language="zh-hans", phone="+86 138-0013-8000")
    response = reply("STOP")
    assert "我们不会再给您发短信" in response.text


def test_the_number_on_the_preferences_page_finds_the_borrower_too():
    person = borrower(language="zh-hans", phone="")
    ContactPreferences.objects.create(borrower=person, sms_enabled=True, phone="+8613900001111")
    assert "我们不会再给您发短信" in reply("STOP", sender="0086 139 0000 1111").text


def test_a_stranger_writing_chinese_is_answered_in_chinese():
    assert "我们不会再给您发短信" in reply("退订", sender="+86 139 0000 1111").text
    assert "We will not send you" in reply("STOP", sender="+1 555 010 9999").text
