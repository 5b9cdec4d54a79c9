"""The message centre channel: delivered without any e-mail or text."""

import pytest
from django.core import mail

from portal.notifications.channels import sms
from portal.notifications.models import Status
from portal.notifications.outbox import sender as sending
from tests.notifications.outbox.test_sender import NOW, planned_row, refreshed, rules  # noqa: F401 (a fixture)

# Every row is allowed by the contact rules here (see outbox/test_sender.Rules).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules")]


def test_a_message_centre_row_is_delivered_without_any_email_or_text(settings):
    settings.SMS_BACKEND = "portal.notifications.channels.sms.LocmemBackend"
    sms.outbox.clear()
    row = planned_row(channel="in_portal")

    sending.send_due(now=NOW)

    assert refreshed(row).status == Status.SENT
    assert mail.outbox == []
    assert sms.outbox == []
