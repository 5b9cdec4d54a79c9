"""Authenticator secrets are encrypted at rest, and the admin never shows them."""

import io
import time
from importlib import import_module

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from portal.accounts import secrets
from tests import factories
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

migration = import_module("portal.accounts.migrations.0002_encrypt_authenticator_secrets")


def stored_text(authenticator: Authenticator) -> str:
    """The row as the database holds it, not as the model reads it."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT data FROM {Authenticator._meta.db_table} WHERE id = %s",  # noqa: S608
            [authenticator.pk],
        )
        return str(cursor.fetchone()[0])


def test_a_totp_secret_is_stored_encrypted_and_still_checks_codes():
    user = factories.UserFactory()
    secret = generate_totp_secret()

    totp = TOTP.activate(user, secret)

    assert secret not in stored_text(totp.instance)
    assert secrets.decrypt(totp.instance.data["secret"]) == secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert TOTP(totp.instance).validate_code(code)


def test_recovery_codes_are_made_from_an_encrypted_seed():
    user = factories.UserFactory()
    TOTP.activate(user, generate_totp_secret())

    codes = RecoveryCodes.activate(user)

    seed = secrets.decrypt(codes.instance.data["seed"])
    assert seed not in stored_text(codes.instance)
    assert len(codes.get_unused_codes()) == 10


def test_the_migration_encrypts_secrets_written_in_the_clear_and_can_undo_it():
    user = factories.UserFactory()
    plain = Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    already = TOTP.activate(factories.UserFactory(), generate_totp_secret()).instance
    already_data = dict(already.data)

    migration.encrypt(apps, None)

    plain.refresh_from_db()
    already.refresh_from_db()
    assert "JBSWY3DPEHPK3PXP" not in stored_text(plain)
    assert secrets.decrypt(plain.data["secret"]) == "JBSWY3DPEHPK3PXP"
    assert already.data == already_data  # encrypted once, not twice

    migration.decrypt(apps, None)

    plain.refresh_from_db()
    assert plain.data["secret"] == "JBSWY3DPEHPK3PXP"


def test_rotating_the_key_re_encrypts_under_the_new_one(settings):
    user = factories.UserFactory()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    old_keys = list(settings.MFA_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [new_key, *old_keys]

    call_command("rotate_mfa_key", stdout=io.StringIO())

    settings.MFA_ENCRYPTION_KEYS = [new_key]  # the old key removed
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert secrets.decrypt(stored.data["secret"]) == secret


@pytest.fixture
def administrator_client(client):
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(admin, generate_totp_secret())
    return signed_in(client, admin)


def test_the_admin_lists_authenticators_but_never_their_secrets(administrator_client):
    staff = factories.UserFactory(email="agent@lender.example")
    secret = generate_totp_secret()
    totp = TOTP.activate(staff, secret).instance

    listing = administrator_client.get(reverse("admin:mfa_authenticator_changelist"))
    page = administrator_client.get(reverse("admin:mfa_authenticator_change", args=[totp.pk]))

    assert "agent@lender.example" in listing.text
    assert page.status_code == 200
    for text in (listing.text, page.text):
        assert secret not in text
        assert totp.data["secret"] not in text
    assert 'name="data"' not in page.text
    assert administrator_client.get(reverse("admin:mfa_authenticator_add")).status_code == 403
    changed = administrator_client.post(
        reverse("admin:mfa_authenticator_change", args=[totp.pk]),
        {"data": '{"secret": "AAAA"}', "change_reason": "testing"},
    )
    assert changed.status_code == 403
    totp.refresh_from_db()
    assert secrets.decrypt(totp.data["secret"]) == secret


def test_removing_an_authenticator_asks_why_and_records_it(administrator_client):
    from auditlog.models import LogEntry

    staff = factories.UserFactory(email="agent@lender.example")
    totp = TOTP.activate(staff, generate_totp_secret()).instance
    delete = reverse("admin:mfa_authenticator_delete", args=[totp.pk])

    without_reason = administrator_client.post(delete, {"post": "yes"})

    assert without_reason.status_code == 200
    assert "Say why before deleting" in without_reason.text
    assert Authenticator.objects.filter(pk=totp.pk).exists()

    administrator_client.post(delete, {"post": "yes", "change_reason": "Lost phone, ticket 812"})

    assert not Authenticator.objects.filter(pk=totp.pk).exists()
    entry = LogEntry.objects.get_for_object(totp).get(action=LogEntry.Action.DELETE)
    assert entry.additional_data["reason"] == "Lost phone, ticket 812"
    assert "secret" not in str(entry.changes)
