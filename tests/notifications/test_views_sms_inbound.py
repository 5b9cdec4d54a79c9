"""Inbound text replies: only the provider may post (its signature, or a shared secret in a
header, never in the URL); a stop request, however it is written, stops that number; START
lifts it only when the provider signed the request; a request seen before changes nothing;
anything else changes nothing."""

import itertools
import logging
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.utils import timezone

from portal.log_redaction import RedactSecrets
from portal.notifications.channels import twilio_signature
from portal.notifications.models import ContactPreferences, InboundReplySeen, Suppression
from portal.notifications.replies import inbound
from portal.notifications.replies.recognise import recognise
from tests.concurrency import at_once

from .views_helpers import borrower

pytestmark = pytest.mark.django_db

URL = "/hooks/sms/inbound/"
SITE = "https://portal.example.com"
SECRET = "a-long-shared-secret"
AUTH_TOKEN = "twilio-auth-token-for-tests"
NUMBER = "+8613800138000"

_sids = itertools.count(1)


@pytest.fixture(autouse=True)
def provider_settings(settings):
    settings.SMS_INBOUND_TOKEN = SECRET
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.SITE_URL = SITE


def new_sid() -> str:
    return f"SM{next(_sids):032x}"


def sign(params, url=SITE + URL, token=AUTH_TOKEN) -> str:
    return twilio_signature.signature(auth_token=token, url=url, params=params)


def reply(body, sender="+86 138 0013 8000", *, sid=None, signed_url=SITE + URL, client=None):
    """A reply as Twilio posts it: signed over the public URL it was configured with."""
    params = {"From": sender, "Body": body, "MessageSid": sid or new_sid()}
    provider = client or Client(enforce_csrf_checks=True)
    return provider.post(URL, params, headers={"X-Twilio-Signature": sign(params, signed_url)})


def reply_with_secret(body, sender=NUMBER, *, headers=None, **params):
    """A reply from a provider that cannot sign: the shared secret in a header."""
    return Client(enforce_csrf_checks=True).post(
        URL,
        {"From": sender, "Body": body, **params},
        headers=headers or {"Authorization": f"Bearer {SECRET}"},
    )


def opted_out(number=NUMBER) -> bool:
    return Suppression.objects.filter(channel="sms", address=number, reason="opted_out").exists()


# --- Twilio's signature, as Twilio computes it (the vectors from Twilio's own library tests).

TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
TWILIO_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Digits": "1234",
    "From": "+14158675309",
    "To": "+18005551212",
    "Caller": "+14158675309",
}


def test_the_signature_matches_twilios_published_example():
    assert sign(TWILIO_PARAMS, TWILIO_URL, "12345") == "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_a_repeated_parameter_signs_each_value_sorted():
    params = QueryDict("Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234")
    assert sign(params, TWILIO_URL, "12345") == "IK+Dwps556ElfBT0I3Rgjkr1wJU="


@pytest.mark.parametrize(
    ("url", "given"),
    [
        (TWILIO_URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        (TWILIO_URL, "kvajT1Ptam85bY51eRf/AJRuM3w="),  # signed with :443
        (TWILIO_URL.replace(".com", ".com:1234"), "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        (TWILIO_URL.replace("https", "http"), "0ZXoZLH/DfblKGATFgpif+LLRf4="),  # with :80
    ],
)
def test_a_signature_with_or_without_the_port_is_valid(url, given):
    assert twilio_signature.is_valid(auth_token="12345", url=url, params=TWILIO_PARAMS, given=given)


@pytest.mark.parametrize(
    ("token", "given"),
    [
        ("54321", "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        ("12345", "RSOYDt4T1cUTdK1PDd93/VVr8B9="),
        ("", ""),
    ],
)
def test_another_token_or_signature_is_not_valid(token, given):
    assert not twilio_signature.is_valid(
        auth_token=token, url=TWILIO_URL, params=TWILIO_PARAMS, given=given
    )


# --- Who may post.


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {SECRET}"},
        {"X-Portal-Token": "wrong"},
        {"X-Portal-Token": ""},
        {"X-Twilio-Signature": "RSOYDt4T1cUTdK1PDd93/VVr8B8="},
    ],
    ids=["none", "wrong-bearer", "not-bearer", "wrong-header", "empty", "wrong-signature"],
)
def test_a_post_without_a_signature_or_the_secret_is_refused_and_changes_nothing(headers):
    response = Client().post(URL, {"From": NUMBER, "Body": "STOP"}, headers=headers)
    assert response.status_code == 403
    assert not Suppression.objects.exists()


@pytest.mark.parametrize(
    "credentials",
    [{}, {"Authorization": f"Bearer {SECRET}"}, "signed"],
    ids=["alone", "with-the-header", "with-a-signature"],
)
def test_the_secret_in_the_query_string_is_refused_even_when_right(credentials, caplog):
    params = {"From": NUMBER, "Body": "STOP", "MessageSid": new_sid()}
    url = f"{URL}?token={SECRET}"
    headers = (
        {"X-Twilio-Signature": sign(params, SITE + url)} if credentials == "signed" else credentials
    )
    with caplog.at_level(logging.INFO):
        response = Client().post(url, params, headers=headers)
    assert response.status_code == 403
    assert not Suppression.objects.exists()
    assert "secret in its URL" in caplog.text
    assert SECRET not in caplog.text


def test_without_a_configured_secret_or_auth_token_every_post_is_refused(settings):
    settings.SMS_INBOUND_TOKEN = ""
    settings.TWILIO_AUTH_TOKEN = ""
    assert reply("STOP").status_code == 403
    assert reply_with_secret("STOP", headers={"Authorization": "Bearer "}).status_code == 403
    del settings.SMS_INBOUND_TOKEN
    assert Client().post(URL, {"From": NUMBER, "Body": "STOP"}).status_code == 403
    assert not Suppression.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": f"Bearer {SECRET}"}, {"X-Portal-Token": SECRET}],
    ids=["bearer", "x-portal-token"],
)
def test_the_secret_in_a_header_stops_texts(headers):
    response = reply_with_secret("STOP", headers=headers)
    assert response.status_code == 200
    assert opted_out()


def test_the_signature_is_over_the_public_url_not_the_one_behind_the_proxy():
    assert reply("STOP", signed_url=f"http://testserver{URL}").status_code == 403
    assert not opted_out()
    assert reply("STOP", signed_url=f"{SITE}:443{URL}").status_code == 200
    assert opted_out()


def test_a_body_changed_after_signing_is_refused():
    params = {"From": NUMBER, "Body": "STOP", "MessageSid": new_sid()}
    signature = sign(params)
    response = Client().post(
        URL, {**params, "Body": "START"}, headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 403


def test_a_bad_signature_is_refused_even_with_the_right_secret():
    response = reply_with_secret(
        "STOP", headers={"Authorization": f"Bearer {SECRET}", "X-Twilio-Signature": "bad="}
    )
    assert response.status_code == 403
    assert not opted_out()


# --- START needs the provider's signature.


def test_a_start_with_only_the_shared_secret_does_not_turn_texts_back_on():
    reply("STOP")
    response = reply_with_secret("START", MessageSid=new_sid())
    assert response.status_code == 200
    assert "turn them on in your contact preferences" in response.text
    assert opted_out()


def test_a_signed_start_without_a_message_id_does_not_turn_texts_back_on():
    reply("STOP")
    params = {"From": NUMBER, "Body": "START"}
    response = Client().post(URL, params, headers={"X-Twilio-Signature": sign(params)})
    assert response.status_code == 200
    assert opted_out()


def test_start_lifts_the_opt_out_but_not_a_bounce():
    reply("STOP")
    Suppression.objects.create(channel="sms", address=NUMBER, reason="bounced", source="provider")
    response = reply("START")
    assert response.status_code == 200
    assert "on again" in response.text
    assert list(Suppression.objects.values_list("reason", flat=True)) == ["bounced"]


# --- Replays.


def test_a_replayed_start_does_not_undo_a_later_stop():
    start = new_sid()
    reply("STOP")
    assert reply("START", sid=start).status_code == 200
    assert not opted_out()
    reply("STOP")  # the borrower changes their mind again

    replayed = reply("START", sid=start)

    assert (replayed.status_code, replayed.text) == (200, "")
    assert opted_out()


def test_a_replayed_stop_is_answered_once_and_recorded_once():
    sid = new_sid()
    first, again = reply("STOP", sid=sid), reply("STOP", sid=sid)
    assert "We will not send you any more text messages." in first.text
    assert (again.status_code, again.text) == (200, "")
    assert Suppression.objects.count() == 1
    assert InboundReplySeen.objects.filter(provider_id=sid).count() == 1


def test_a_change_that_fails_does_not_mark_the_message_seen(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database trouble")

    monkeypatch.setattr(inbound, "opt_out", broken)
    sid = new_sid()
    with pytest.raises(RuntimeError):
        inbound.act_on_reply(
            number=NUMBER, intent=recognise("STOP"), message_id=sid, trust=inbound.Trust.SIGNED
        )
    monkeypatch.undo()

    # The provider's retry of the same message is acted on.
    assert reply("STOP", sid=sid).status_code == 200
    assert opted_out()


def test_seen_message_ids_are_forgotten_after_a_year():
    long_ago = timezone.now() - inbound.KEEP_SEEN - timedelta(days=1)
    InboundReplySeen.objects.create(provider_id="SMold", received_at=long_ago)
    InboundReplySeen.objects.create(provider_id="SMrecent", received_at=timezone.now())
    reply("STOP")
    assert set(InboundReplySeen.objects.values_list("provider_id", flat=True)) >= {"SMrecent"}
    assert not InboundReplySeen.objects.filter(provider_id="SMold").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent sessions")
@pytest.mark.django_db(transaction=True)
def test_two_copies_arriving_at_once_are_acted_on_once():
    sid = new_sid()
    outcomes = at_once(
        lambda _: inbound.act_on_reply(
            number=NUMBER, intent=recognise("START"), message_id=sid, trust=inbound.Trust.SIGNED
        ),
        2,
    )
    assert sorted(o.value for o in outcomes) == ["repeat", "started"]


# --- Logs.


def test_a_refused_request_logs_no_secret(caplog):
    with caplog.at_level(logging.DEBUG):
        Client().post(f"{URL}?token={SECRET}", {"From": NUMBER, "Body": "STOP"})
        Client().post(
            f"{URL}?signature=abc{SECRET}", {"From": NUMBER}, headers={"X-Portal-Token": "wrong"}
        )
    assert "Forbidden" in caplog.text  # django.request's 403 line
    assert SECRET not in caplog.text


def test_the_log_filter_masks_secrets_in_a_request_line():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        (f"POST {URL}?token={SECRET}&signature=abc&x=1 HTTP/1.1", "403", "10"),
        None,
    )
    assert RedactSecrets().filter(record)
    message = record.getMessage()
    assert SECRET not in message and "signature=abc" not in message
    assert message == f'"POST {URL}?token=[redacted]&signature=[redacted]&x=1 HTTP/1.1" 403 10'


# --- What a reply does.


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


@pytest.mark.parametrize(
    "body", ["I will pay on Friday", "Can I stop by the branch tomorrow?", "", "👍"]
)
def test_any_other_reply_changes_nothing_and_is_not_answered(body):
    response = reply(body)
    assert response.status_code == 200
    assert response.text == ""
    assert not Suppression.objects.exists()
    assert not InboundReplySeen.objects.exists()


def test_a_reply_without_a_sender_is_refused():
    assert reply("STOP", sender="").status_code == 400
    assert not Suppression.objects.exists()


def test_only_post_is_accepted():
    assert Client().get(URL, headers={"Authorization": f"Bearer {SECRET}"}).status_code == 405


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
