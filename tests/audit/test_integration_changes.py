"""Who made or revoked a lender's API key, and who changed its webhook, is in the change
history; the key's digest and the signing secret never are."""

import json

import pytest
from auditlog.models import LogEntry

from portal.lender_api.keys import create_key, revoke_key
from portal.webhooks.delivery import rotate_secret
from portal.webhooks.models import WebhookEndpoint
from tests.factories import LenderFactory

pytestmark = pytest.mark.django_db


def _changes_of(instance):
    return LogEntry.objects.get_for_object(instance).order_by("timestamp")


def test_making_and_revoking_a_key_is_recorded_without_its_digest():
    key = create_key(lender=LenderFactory(), name="core banking", scopes=["ledger:write"])
    revoke_key(key=key.key)

    entries = list(_changes_of(key.key))

    assert len(entries) == 2
    assert "revoked_at" in entries[1].changes_dict
    written = json.dumps([entry.changes_dict for entry in entries])
    assert key.key.digest not in written
    assert key.plaintext not in written


def test_a_webhooks_secret_is_never_written_into_its_change_history():
    endpoint = WebhookEndpoint.objects.create(
        lender=LenderFactory(), url="https://lender.test/hook"
    )
    old = endpoint.secret

    new = rotate_secret(endpoint=endpoint)
    endpoint.url = "https://lender.test/hooks/v2"
    endpoint.save()

    written = json.dumps([entry.changes_dict for entry in _changes_of(endpoint)])
    assert "lender.test/hooks/v2" in written
    assert old not in written and new not in written
