"""The channels: what an e-mail and a text carry, and what each provider answer means."""

import io
import json
import os
import smtplib
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation

from portal.notifications.addresses import opt_out_token, read_opt_out_token
from portal.notifications.channels import (
    Bounced,
    DeliveryUncertain,
    PermanentFailure,
    RecipientOptedOut,
    TemporaryFailure,
    backend_for,
    email,
    sms,
)
from portal.notifications.channels.links import opt_out_url
from portal.notifications.channels.twilio import TwilioBackend, UrllibTransport
from portal.notifications.models import Status, Suppression
from portal.notifications.outbox import sender as sending
from tests.notifications.test_sending import NOW, planned_row, refreshed, rules  # noqa: F401 (a fixture)

# Every row is allowed by the contact rules here (see test_sending.Rules).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules")]


# --- E-mail ---------------------------------------------------------------------------------


def test_an_email_is_plain_text_with_a_one_click_opt_out_for_its_address(settings):
    settings.SITE_URL = "https://portal.example.com"
    row = planned_row(channel="email", address="Ana.Li@Example.com", language="zh-hans")

    sending.send_due(now=NOW)

    [sent] = mail.outbox
    message = sent.message()
    assert message.get_content_type() == "text/plain"
    assert sent.body == row.body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"]
    assert link.startswith("<https://portal.example.com/zh-hans/") and link.endswith(">")
    token = urlsplit(link[1:-1]).path.rstrip("/").rsplit("/", 1)[1]
    assert read_opt_out_token(token) == ("email", "ana.li@example.com")


def test_the_opt_out_link_opens_the_page_that_stops_that_address(client, settings):
    settings.SITE_URL = "https://portal.example.com"
    link = opt_out_url("email", "ana@example.com", language="en")

    response = client.get(urlsplit(link).path)

    assert response.status_code == 200


def test_a_link_is_the_address_reverse_gives_in_the_message_language(settings):
    # Links are put together from a pattern reversed once per language: the same as reversing.
    settings.SITE_URL = "https://portal.example.com/"
    token = opt_out_token("email", "ana@example.com")
    assert ":" in token  # reverse leaves it as it is; a plain quote() would not
    with translation.override("zh-hans"):
        expected = "https://portal.example.com" + reverse("notification_opt_out", args=[token])

    assert opt_out_url("email", "ana@example.com", language="zh-hans") == expected
    assert opt_out_url("email", "ana@example.com", language="en") == expected.replace(
        "/zh-hans/", "/en/"
    )


def test_the_same_row_always_makes_the_same_message_id():
    row = planned_row(channel="email")
    other = planned_row(channel="email")

    sending.send_due(now=NOW)

    ids = {m.message()["Message-ID"] for m in mail.outbox}
    assert ids == {email.message_id(row.key), email.message_id(other.key)}
    assert len(ids) == 2
    assert email.message_id(row.key).endswith("@example.com>")
    assert refreshed(row).provider_ref == email.message_id(row.key)


def test_a_provider_api_comes_in_through_anymail_by_configuration(settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    row = planned_row(channel="email")

    sending.send_due(now=NOW)

    [sent] = mail.outbox
    assert sent.anymail_test_params["to"][0].addr_spec == row.address
    assert refreshed(row).status == Status.SENT
    assert refreshed(row).provider_ref == str(sent.anymail_status.message_id)


def test_an_address_anymail_reports_refused_is_suspended(settings, monkeypatch):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    row = planned_row(channel="email")

    def refuse(self, fail_silently=False):
        raise AnymailRecipientsRefused("All message recipients were rejected")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    sending.send_due(now=NOW)

    assert refreshed(row).status == Status.FAILED
    assert Suppression.objects.filter(channel="email", reason="bounced").count() == 1


def api_error(status):
    response = requests.Response()
    response.status_code, response.reason, response._content = status, "Said no", b"{}"
    return AnymailAPIError("provider said no", status_code=status, response=response)


@pytest.mark.parametrize(
    ("error", "meaning"),
    [
        (smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"no such user")}), Bounced),
        (
            smtplib.SMTPRecipientsRefused({"a@example.com": (450, b"mailbox busy")}),
            TemporaryFailure,
        ),
        (smtplib.SMTPDataError(554, b"rejected as spam"), PermanentFailure),
        (smtplib.SMTPDataError(451, b"try again later"), TemporaryFailure),
        (smtplib.SMTPAuthenticationError(535, b"bad password"), TemporaryFailure),
        (smtplib.SMTPServerDisconnected("gone"), TemporaryFailure),
        (ConnectionRefusedError(), TemporaryFailure),
        (TimeoutError(), DeliveryUncertain),
        (AnymailRecipientsRefused("rejected"), Bounced),
        (api_error(400), PermanentFailure),
        (api_error(429), TemporaryFailure),
        (api_error(503), TemporaryFailure),
        (api_error(200), DeliveryUncertain),  # accepted, but the answer could not be read
    ],
)
def test_what_a_failed_email_send_means(error, meaning):
    assert type(email.classify(error)) is meaning


# --- Text messages --------------------------------------------------------------------------


def test_the_file_backend_appends_one_line_per_text(settings, tmp_path):
    settings.SMS_BACKEND = "portal.notifications.channels.sms.FileBackend"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.jsonl")
    first = planned_row(body="您的还款已收到。回复 TD 退订。")
    second = planned_row()

    sending.send_due(now=NOW)

    lines = (tmp_path / "sms.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"to": first.address, "body": first.body, "key": first.key},
        {"to": second.address, "body": second.body, "key": second.key},
    ]


def test_the_file_backend_needs_a_path(settings):
    settings.SMS_BACKEND = "portal.notifications.channels.sms.FileBackend"
    settings.SMS_FILE_PATH = ""
    with pytest.raises(ImproperlyConfigured):
        backend_for("sms")


def test_the_console_backend_prints_the_text():
    out = io.StringIO()
    sms.ConsoleBackend(stream=out).deliver(planned_row(body="Payment received. Reply STOP."))
    assert "Payment received. Reply STOP." in out.getvalue()


def test_a_message_centre_row_is_delivered_without_any_email_or_text(settings):
    settings.SMS_BACKEND = "portal.notifications.channels.sms.LocmemBackend"
    sms.outbox.clear()
    row = planned_row(channel="in_portal")

    sending.send_due(now=NOW)

    assert refreshed(row).status == Status.SENT
    assert mail.outbox == []
    assert sms.outbox == []


# --- Twilio ---------------------------------------------------------------------------------


class FakeTwilio:
    """Answers like Twilio's API would; records what it was sent."""

    def __init__(self, status=201, answer=None, error=None):
        self.status = status
        self.answer = answer if answer is not None else {"sid": "SM0123", "status": "queued"}
        self.error = error
        self.requests = []

    def post(self, url, *, data, auth, timeout):
        self.requests.append({"url": url, "data": data, "auth": auth})
        if self.error:
            raise self.error
        return self.status, json.dumps(self.answer).encode()


@pytest.fixture
def twilio(settings):
    settings.TWILIO_ACCOUNT_SID = "AC123"
    settings.TWILIO_AUTH_TOKEN = "secret"
    settings.TWILIO_FROM_NUMBER = "+15005550006"
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    return settings


def test_twilio_gets_one_form_post_with_basic_auth_and_returns_the_sid(twilio):
    fake = FakeTwilio()
    row = planned_row(body="Payment received. Reply STOP to stop these texts.")

    reference = TwilioBackend(transport=fake).deliver(row)

    assert reference == "SM0123"
    [request] = fake.requests
    assert request["url"] == "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json"
    assert request["auth"] == ("AC123", "secret")
    assert request["data"] == {"To": row.address, "Body": row.body, "From": "+15005550006"}


def test_twilio_can_send_from_a_messaging_service(twilio):
    twilio.TWILIO_MESSAGING_SERVICE_SID = "MG999"
    fake = FakeTwilio()

    TwilioBackend(transport=fake).deliver(planned_row())

    assert fake.requests[0]["data"]["MessagingServiceSid"] == "MG999"
    assert "From" not in fake.requests[0]["data"]


@pytest.mark.parametrize(
    ("status", "code", "meaning"),
    [
        (400, 21610, RecipientOptedOut),
        (400, 21211, Bounced),
        (400, 21614, Bounced),
        (400, 21602, PermanentFailure),
        (404, 20404, PermanentFailure),
        (401, 20003, TemporaryFailure),
        (429, 20429, TemporaryFailure),
        (500, 20500, TemporaryFailure),
        (503, None, TemporaryFailure),
    ],
)
def test_what_a_twilio_error_means(twilio, status, code, meaning):
    fake = FakeTwilio(status, {"code": code, "message": "from Twilio", "status": status})
    with pytest.raises(meaning) as raised:
        TwilioBackend(transport=fake).deliver(planned_row())
    assert type(raised.value) is meaning
    assert str(status) in str(raised.value)


def test_twilio_accepting_without_a_sid_is_uncertain(twilio):
    with pytest.raises(DeliveryUncertain):
        TwilioBackend(transport=FakeTwilio(201, {})).deliver(planned_row())


def test_twilio_needs_its_account_and_a_sender(twilio):
    twilio.TWILIO_AUTH_TOKEN = ""
    with pytest.raises(ImproperlyConfigured):
        TwilioBackend(transport=FakeTwilio())
    twilio.TWILIO_AUTH_TOKEN = "secret"
    twilio.TWILIO_FROM_NUMBER = ""
    with pytest.raises(ImproperlyConfigured):
        TwilioBackend(transport=FakeTwilio())


def test_a_twilio_opt_out_through_the_sender_stops_that_number(twilio, monkeypatch):
    twilio.SMS_BACKEND = "portal.notifications.channels.twilio.TwilioBackend"
    fake = FakeTwilio(400, {"code": 21610, "message": "Attempt to send to unsubscribed recipient"})
    monkeypatch.setattr("portal.notifications.channels.twilio.UrllibTransport", lambda: fake)
    row = planned_row()

    sending.send_due(now=NOW)

    assert refreshed(row).status == Status.FAILED
    assert Suppression.objects.get().reason == "opted_out"


# The real transport, against a server on this machine: which broken connections may have
# delivered a message and which cannot have.


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers["Content-Length"])
        self.server.received.append((self.headers["Authorization"], self.rfile.read(length)))
        if self.server.hang_up:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        body = json.dumps({"sid": "SMlocal"}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = HTTPServer(("127.0.0.1", 0), _Handler)
    server.received = []
    server.hang_up = False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _post(url):
    return UrllibTransport().post(
        url, data={"To": "+1", "Body": "hi"}, auth=("AC1", "t"), timeout=5
    )


def test_the_transport_posts_a_form_with_basic_auth(local_server):
    status, body = _post(f"http://127.0.0.1:{local_server.server_port}/Messages.json")

    assert (status, json.loads(body)) == (201, {"sid": "SMlocal"})
    [(auth, form)] = local_server.received
    assert auth == "Basic QUMxOnQ="
    assert parse_qs(form.decode()) == {"To": ["+1"], "Body": ["hi"]}


def test_a_connection_that_breaks_after_the_request_went_out_is_uncertain(local_server):
    local_server.hang_up = True
    with pytest.raises(DeliveryUncertain):
        _post(f"http://127.0.0.1:{local_server.server_port}/Messages.json")
    assert len(local_server.received) == 1


def test_no_connection_at_all_is_a_temporary_failure():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with pytest.raises(TemporaryFailure):
        _post(f"http://127.0.0.1:{closed_port}/Messages.json")


def test_settings_refuse_to_start_with_twilio_chosen_and_its_token_missing():
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "DJANGO_ALLOW"))}
    env |= {"SMS_BACKEND": "portal.notifications.channels.twilio.TwilioBackend"}
    env |= {"TWILIO_ACCOUNT_SID": "AC123"}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "TWILIO_AUTH_TOKEN" in result.stderr
