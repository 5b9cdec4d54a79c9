"""E-mail: what a message carries, its one-click opt-out, and what each failure means."""

import smtplib
from urllib.parse import urlsplit

import pytest
import requests
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal.notifications.addresses import opt_out_token, read_opt_out_token
from portal.notifications.channels import (
    Bounced,
    DeliveryUncertain,
    PermanentFailure,
    TemporaryFailure,
    email,
)
from portal.notifications.channels.links import opt_out_url
from portal.notifications.models import Status, Suppression
from portal.notifications.outbox import sender as sending
from tests.notifications.outbox.test_sender import NOW, planned_row, refreshed, rules  # noqa: F401 (a fixture)

# Every row is allowed by the contact rules here (see outbox/test_sender.Rules).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules")]


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
