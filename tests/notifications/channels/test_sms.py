"""Text messages through the file and console backends."""

import io
import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.notifications.channels import backend_for, sms
from portal.notifications.outbox import sender as sending
from tests.notifications.outbox.test_sender import NOW, planned_row, rules  # noqa: F401 (a fixture)

# Every row is allowed by the contact rules here (see outbox/test_sender.Rules).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules")]


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
