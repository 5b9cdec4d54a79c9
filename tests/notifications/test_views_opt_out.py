"""The opt-out link in every e-mail: looking changes nothing, one press stops that address, mail
providers' one-click POST works without a session, and an altered link changes nothing."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from portal.notifications.addresses import opt_out_token
from portal.notifications.models import Suppression

from .views_helpers import borrower

pytestmark = pytest.mark.django_db

ADDRESS = "Ana.Lopez@Example.com"


def link(token, language="en"):
    return f"/{language}/messages/stop/{token}/"


@pytest.fixture
def token():
    return opt_out_token("email", ADDRESS)


def test_the_link_is_where_the_sender_builds_it(token):
    assert reverse("notification_opt_out", args=[token]) == link(token)


def test_opening_the_link_shows_one_button_and_changes_nothing(client, token):
    response = client.get(link(token))
    assert response.status_code == 200
    assert "Stop e-mails to a•••@example.com" in response.text
    assert "ana.lopez" not in response.text.lower()
    assert response.text.count('<button type="submit" class="button">') == 1
    assert not Suppression.objects.exists()


def test_pressing_the_button_stops_that_address_once(token):
    browser = Client(enforce_csrf_checks=True)
    for _ in range(2):  # a double tap, or the link used again later
        response = browser.post(link(token))
        assert response.status_code == 200
        assert "Done. We will not send any more e-mails to a•••@example.com." in response.text
        assert reverse("contact_preferences") in response.text
    suppression = Suppression.objects.get()
    assert (suppression.channel, suppression.address) == ("email", "ana.lopez@example.com")
    assert (suppression.reason, suppression.source) == ("opted_out", "link")
    # Coming back to the link later says so, with the way back in.
    again = browser.get(link(token)).text
    assert "We are not sending e-mails to a•••@example.com." in again
    assert "Changed your mind?" in again


def test_a_mail_providers_one_click_post_stops_the_address(token):
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(link(token), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    suppression = Suppression.objects.get()
    assert suppression.address == "ana.lopez@example.com"
    assert suppression.detail == "RFC 8058 one-click"


def test_a_text_message_link_stops_that_number(client):
    token = opt_out_token("sms", "+86 138 0013 8000")
    assert "Stop text messages to •••8000" in client.get(link(token)).text
    client.post(link(token))
    assert Suppression.objects.get().address == "+8613800138000"


def tampered(token):
    return token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")


@pytest.mark.parametrize(
    "make_token",
    [
        tampered,
        lambda token: "not-a-token",
        lambda token: signing.dumps({"c": "email", "a": "x@example.com"}, salt="another"),
        lambda token: opt_out_token("in_portal", "x"),
        lambda token: signing.dumps(["email"], salt="notifications.opt-out"),
    ],
    ids=["altered", "garbage", "other-salt", "no-such-channel", "wrong-shape"],
)
def test_a_bad_link_is_a_kind_page_and_changes_nothing(client, token, make_token):
    bad = make_token(token)
    for response in (client.get(link(bad)), client.post(link(bad))):
        assert response.status_code == 400
        assert "This link does not work" in response.text
        assert "Nothing has changed." in response.text
    assert not Suppression.objects.exists()


def test_the_borrower_sees_the_opt_out_on_their_preferences_page(client):
    person = borrower()
    client.post(link(opt_out_token("email", person.user.email)))
    client.force_login(person.user)
    page = client.get(reverse("contact_preferences")).text
    assert f"You asked us to stop e-mails to {person.user.email}." in page


def test_the_pages_speak_chinese(client, token):
    page = client.get(link(token, "zh-hans")).text
    assert 'lang="zh-hans"' in page
    assert "停止发送邮件到 a•••@example.com" in page
    done = client.post(link(token, "zh-hans")).text
    assert "好了，我们不会再向 a•••@example.com 发送邮件。" in done
    assert "这个链接无法使用" in client.get(link("broken", "zh-hans")).text
