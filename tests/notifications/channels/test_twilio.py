"""Twilio: what a text carries to its API, and what each answer and broken connection means."""

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.notifications.channels import (
    Bounced,
    DeliveryUncertain,
    PermanentFailure,
    RecipientOptedOut,
    TemporaryFailure,
)
from portal.notifications.channels.twilio import TwilioBackend, UrllibTransport
from portal.notifications.models import Status, Suppression
from portal.notifications.outbox import sender as sending
from tests.notifications.outbox.test_sender import NOW, planned_row, refreshed, rules  # noqa: F401 (a fixture)

# Every row is allowed by the contact rules here (see outbox/test_sender.Rules).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules")]


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
    root = Path(__file__).resolve().parents[3]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "DJANGO_ALLOW"))}
    env |= {"DJANGO_SETTINGS_MODULE": "portal.settings"}
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
